package io.github.statestore.s3;

import io.github.statestore.InvalidConfigException;
import java.util.List;
import java.util.regex.Pattern;

/** S3's bucket naming rules (general purpose buckets). Stateless and thread-safe. */
final class BucketNames {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-", "amzn-s3-demo-");
    private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap", "--x-s3",
            "--table-s3");

    private BucketNames() {
    }

    /**
     * Checks a bucket name.
     *
     * @throws InvalidConfigException naming the bucket and the rule it breaks
     */
    static String validate(String bucket) {
        if (bucket == null || bucket.isEmpty()) {
            throw new InvalidConfigException("bucket", "is required");
        }
        String rule = null;
        if (!ALLOWED.matcher(bucket).matches()) {
            rule = "must be 3 to 63 characters of lower-case letters, digits, '.' and '-', starting and ending "
                    + "with a letter or digit";
        } else if (bucket.contains("..") || bucket.contains(".-") || bucket.contains("-.")) {
            rule = "must not contain '..', '.-' or '-.'";
        } else if (IP_ADDRESS.matcher(bucket).matches()) {
            rule = "must not look like an IP address";
        } else if (RESERVED_PREFIXES.stream().anyMatch(bucket::startsWith)
                || RESERVED_SUFFIXES.stream().anyMatch(bucket::endsWith)) {
            rule = "uses a prefix or suffix S3 reserves";
        }
        if (rule != null) {
            throw new InvalidConfigException("bucket", "'" + bucket + "' " + rule);
        }
        return bucket;
    }
}
