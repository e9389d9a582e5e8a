package io.github.statestore.bench.memorys3;

/** ETag comparisons of conditional headers. Stateless and thread-safe. */
final class Conditions {
    private Conditions() {
    }

    /**
     * {@return whether a header's list of ETags ({@code "a", "b"} or {@code *}) names an object's ETag}
     * Quotes are optional, and a weak {@code W/} prefix is ignored, as S3 compares.
     */
    static boolean etagMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || unquote(c).equals(unquote(etag))) {
                return true;
            }
        }
        return false;
    }

    private static String unquote(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }
}
