package io.github.statestore.spi;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed store URL such as {@code s3://bucket/prefix/?region=eu-west-1}, handed to a backend's URL
 * factory: its authority, path and query parameters, each read at most once, plus the environment to read
 * secrets from. The query is {@code name=value} pairs joined by {@code &}, each percent-decoded ({@code +}
 * stays a plus sign). An error about the whole URL names the setting the URL came from (such as
 * {@code STATESTORE_URL}); an error about one of its parts names that part too
 * ({@code region in STATESTORE_URL}). Not thread-safe: one parse, one thread.
 */
public final class StoreUrl {
    /**
     * {@code scheme://id:secret@rest}, matched before parsing because secrets may hold characters (such as
     * {@code /} or a space) that make a URI parser split them off or quote them in its error.
     */
    private static final Pattern CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*:[^@?#]*@(.*)",
            Pattern.DOTALL);
    /** The URL parameter of {@link HistoryPolicy.Builder#keepVersions}. */
    public static final String HISTORY_VERSIONS = "historyVersions";
    /** The URL parameter of {@link HistoryPolicy.Builder#keepFor}. */
    public static final String HISTORY_FOR = "historyFor";
    /** The largest edit distance at which an unknown parameter is taken for a misspelt known one. */
    private static final int MAX_TYPO_DISTANCE = 2;

    private final String text;
    private final String setting;
    private final String scheme;
    private final URI uri;
    private final String opaque;
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();
    private final Map<String, String> env;

    /**
     * Parses a store URL as {@link io.github.statestore.StoreConfig#parse} does before handing it to the
     * provider of its scheme; a backend's tests may use it to check their provider. A hierarchical URL
     * ({@code scheme://authority/path?query}) is parsed at once; an opaque one ({@code scheme:rest}, such as
     * {@code file:.alchemy} or {@code memory:}) is left to its provider ({@link #opaquePart()}).
     *
     * @param text the URL
     * @param setting the name of the setting it came from, for messages, such as {@code STATESTORE_URL}
     * @param env the environment, for secrets a URL must not hold (such as R2's keys)
     * @throws InvalidConfigException naming the setting, if the URL holds credentials, has no scheme or is
     *     malformed
     */
    public StoreUrl(String text, String setting, Map<String, String> env) {
        this.setting = setting;
        this.env = env;
        Matcher credentials = CREDENTIALS.matcher(text);
        if (credentials.matches()) {
            this.text = credentials.group(1) + "***@" + credentials.group(2);
            throw fail("must not hold credentials; use the environment or the config builder");
        }
        int colon = text.indexOf(':');
        if (colon < 1) {
            this.text = text;
            throw fail("has no scheme, such as file: or s3://");
        }
        this.scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = text.substring(colon + 1);
        if (!rest.startsWith("//")) {
            this.text = text;
            this.uri = null;
            this.opaque = rest;
            return;
        }
        this.opaque = null;
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            this.text = text;
            throw fail("is not a valid URL: " + e.getReason());
        }
        this.uri = parsed;
        if (uri.getRawUserInfo() != null) {
            this.text = text.replace(uri.getRawUserInfo(), "***");
            throw fail("must not hold credentials; use the environment or the config builder");
        }
        this.text = text;
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            readQuery(query);
        }
    }

    /**
     * Reads the query of an opaque URL into this URL's parameters, to take with the {@code take…} methods as a
     * hierarchical URL's: for providers whose URLs have no authority, such as {@code file:.alchemy?…} or
     * {@code memory:?…}, which find the {@code ?} in {@link #opaquePart()} themselves.
     *
     * @param query what follows the {@code ?}: {@code name=value} pairs joined by {@code &}, each
     *     percent-decoded
     * @throws InvalidConfigException naming the setting, if the query is malformed or repeats a parameter
     */
    public void parseQuery(String query) {
        if (!query.isEmpty()) {
            readQuery(query);
        }
    }

    private void readQuery(String query) {
        if (query.indexOf('?') >= 0) {
            throw fail("has a second '?'; separate parameters with '&'");
        }
        if (query.indexOf(';') >= 0) {
            throw fail("separates parameters with ';'; use '&' (write a ';' inside a value as %3B)");
        }
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (pair.isEmpty() || eq == 0) {
                throw fail("has an empty parameter; write name=value pairs joined by '&'");
            }
            if (eq < 0) {
                throw fail("has the parameter '" + decode(pair) + "' without a value; write " + decode(pair)
                        + "=<value>");
            }
            String name = decode(pair.substring(0, eq));
            if (params.put(name, decode(pair.substring(eq + 1))) != null) {
                throw fail("repeats the parameter '" + name + "'");
            }
        }
    }

    /** {@return the name of the setting the URL came from, such as {@code STATESTORE_URL}} */
    public String setting() {
        return setting;
    }

    /** {@return the scheme, in lower case, without its colon, such as {@code s3}} */
    public String scheme() {
        return scheme;
    }

    /** {@return the parsed URL when it is hierarchical ({@code scheme://…}), or {@code null} when it is opaque} */
    public URI uri() {
        return uri;
    }

    /**
     * {@return what follows {@code scheme:} in an opaque URL, as given (possibly empty, as in {@code memory:}),
     * or {@code null} when the URL is hierarchical}
     */
    public String opaquePart() {
        return opaque;
    }

    /**
     * {@return the authority (the bucket of {@code s3://}, the account of {@code r2://}); never empty}
     *
     * @throws InvalidConfigException if the URL has none
     */
    public String authority() {
        String authority = uri == null ? null : uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw fail("has no " + scheme + "://<name>");
        }
        return authority;
    }

    /** {@return the path after the authority without its leading '/', or {@code null} when there is none} */
    public String path() {
        String path = uri == null ? null : uri.getPath();
        return path == null || path.isEmpty() ? null : path.substring(1);
    }

    /**
     * Takes a query parameter. Every name asked for counts as known, for the "did you mean" of
     * {@link #finish()}.
     *
     * @param name the parameter
     * @return its value, or {@code null} when absent
     */
    public String take(String name) {
        known.add(name);
        return params.remove(name);
    }

    /**
     * Takes a query parameter and, when present, hands it to a builder setter.
     *
     * @param name the parameter
     * @param setter the setter; a value it refuses is reported as this URL's parameter
     */
    public void take(String name, Consumer<String> setter) {
        String v = take(name);
        if (v != null) {
            set(name, v, setter);
        }
    }

    /**
     * Takes an {@code http} or {@code https} URL parameter and, when present, hands it to a setter.
     *
     * @param name the parameter
     * @param setter the setter; a value it refuses is reported as this URL's parameter
     */
    public void takeUri(String name, Consumer<URI> setter) {
        String v = take(name);
        if (v == null) {
            return;
        }
        if (!v.contains("://")) {
            throw failPart(name, "'" + v + "' has no scheme; add http:// (or https://), as in " + name + "=http://"
                    + v);
        }
        try {
            set(name, new URI(v), setter);
        } catch (URISyntaxException e) {
            throw failPart(name, "'" + v + "' is not a valid URL: " + e.getReason());
        }
    }

    /**
     * Takes a boolean query parameter ({@code true} or {@code false}) and, when present, hands it to a setter.
     *
     * @param name the parameter
     * @param setter the setter
     */
    public void takeBoolean(String name, Consumer<Boolean> setter) {
        takeParsed(name, v -> v.equals("true") || v.equals("false") ? Boolean.valueOf(v) : null,
                "true or false", setter);
    }

    /**
     * Takes a whole-number query parameter and, when present, hands it to a setter.
     *
     * @param name the parameter
     * @param setter the setter; a value it refuses is reported as this URL's parameter
     */
    public void takeInt(String name, Consumer<Integer> setter) {
        takeParsed(name, StoreUrl::wholeNumber, "a whole number", setter);
    }

    private static Integer wholeNumber(String v) {
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Takes a duration query parameter, in ISO-8601 ({@code PT10S}) or as milliseconds ({@code 10000}), and,
     * when present, hands it to a setter.
     *
     * @param name the parameter
     * @param setter the setter; a value it refuses is reported as this URL's parameter
     */
    public void takeDuration(String name, Consumer<Duration> setter) {
        takeParsed(name, StoreUrl::duration, "milliseconds or an ISO-8601 duration like PT10S", setter);
    }

    private static Duration duration(String v) {
        try {
            return v.matches("\\d+") ? Duration.ofMillis(Long.parseLong(v)) : Duration.parse(v);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Takes the history parameters every store's URL may hold, {@code historyVersions} (a whole number) and
     * {@code historyFor} (milliseconds or an ISO-8601 duration like {@code P30D}), and, when either is present,
     * hands the {@link HistoryPolicy} they make to a setter.
     *
     * @param setter the setter, such as a builder's {@code history}
     * @throws InvalidConfigException naming the parameter and this URL's setting, if a value is refused
     */
    public void takeHistory(Consumer<HistoryPolicy> setter) {
        HistoryPolicy.Builder policy = HistoryPolicy.builder();
        boolean[] given = {false};
        takeInt(HISTORY_VERSIONS, n -> {
            policy.keepVersions(n);
            given[0] = true;
        });
        takeDuration(HISTORY_FOR, d -> {
            policy.keepFor(d);
            given[0] = true;
        });
        if (given[0]) {
            set("history", policy.build(), setter);
        }
    }

    private <T> void takeParsed(String name, Function<String, T> parse, String expected, Consumer<T> setter) {
        String v = take(name);
        if (v == null) {
            return;
        }
        T value = parse.apply(v);
        if (value == null) {
            throw failPart(name, name + "=" + v + " must be " + expected);
        }
        set(name, value, setter);
    }

    /**
     * Hands a value read from this URL to a builder setter.
     *
     * @param part what the value is in the URL, such as {@code bucket} or a parameter's name
     * @param value the value
     * @param setter the setter
     * @param <T> the value's type
     * @throws InvalidConfigException naming the part and this URL's setting when the setter refuses the value
     */
    public <T> void set(String part, T value, Consumer<T> setter) {
        try {
            setter.accept(value);
        } catch (InvalidConfigException e) {
            throw failPart(part, e.getReason());
        }
    }

    /**
     * An environment variable.
     *
     * @param name the variable
     * @return its value, or {@code null} when unset or blank
     */
    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /**
     * Fails if any query parameter was not taken, naming each and the known parameter it is closest to, if
     * one is close (a typo, or a difference of case only).
     */
    public void finish() {
        if (params.isEmpty()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        boolean suggested = false;
        for (String name : params.keySet()) {
            String near = nearest(name);
            suggested |= near != null;
            unknown.add("'" + name + "'" + (near == null ? "" : " (did you mean '" + near + "'?)"));
        }
        throw fail("has unknown parameter" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                + (suggested ? "" : "; known: " + String.join(", ", known)));
    }

    private String nearest(String name) {
        String best = null;
        int bestDistance = MAX_TYPO_DISTANCE + 1;
        for (String candidate : known) {
            int d = editDistance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d < Math.max(name.length(), candidate.length()) / 2) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * The optimal string alignment distance: insertions, deletions, substitutions and swaps of two adjacent
     * characters, each counting one.
     */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * An error about this URL as a whole.
     *
     * @param problem what is wrong, completing "'url' …"
     * @return the exception, naming the setting and the URL
     */
    public InvalidConfigException fail(String problem) {
        return new InvalidConfigException(setting, "'" + text + "' " + problem);
    }

    /**
     * An error about one part of this URL.
     *
     * @param part the part, such as {@code bucket} or a parameter's name
     * @param problem what is wrong with it
     * @return the exception, whose setting is {@code <part> in <setting>}
     */
    public InvalidConfigException failPart(String part, String problem) {
        return new InvalidConfigException(part + " in " + setting, "'" + text + "': " + problem);
    }

    private String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw fail("has a malformed escape in '" + s + "'");
        }
    }
}
