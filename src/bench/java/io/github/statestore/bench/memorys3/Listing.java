package io.github.statestore.bench.memorys3;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * ListObjectsV2: the keys of a bucket under a prefix, in order, those with the delimiter after the prefix
 * rolled up into common prefixes, at most {@code max-keys} (1,000 at most) keys and common prefixes a
 * page, continued with the opaque token of the page before or after {@code start-after}, names
 * URL-encoded when {@code encoding-type=url} asks for it (the AWS SDK for Java asks for it on every call).
 * {@code fetch-owner} is accepted and ignored: no owner is returned. Stateless and thread-safe.
 */
final class Listing {
    private static final int MAX_KEYS = 1000;

    private Listing() {
    }

    /**
     * @param bucket the bucket
     * @param query the request's decoded query parameters
     * @return the page, as S3's {@code ListBucketResult} XML
     */
    static String page(Bucket bucket, Map<String, String> query) {
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = query.get("delimiter");
        if (delimiter != null && delimiter.isEmpty()) {
            delimiter = null;
        }
        int maxKeys = maxKeys(query.get("max-keys"));
        boolean url = encoding(query.get("encoding-type"));
        String token = query.get("continuation-token");
        Marker after = token != null ? Marker.parse(token)
                : query.containsKey("start-after") ? new Marker(false, query.get("start-after")) : null;
        String from = after != null && Bucket.UTF8_ORDER.compare(after.name, prefix) > 0 ? after.name : prefix;

        StringBuilder entries = new StringBuilder();
        int count = 0;
        String lastPrefix = after != null && after.commonPrefix ? after.name : null;
        Marker last = null;
        boolean truncated = false;
        for (Map.Entry<String, StoredObject> e : bucket.from(from, !from.equals(after == null ? null : after.name))
                .entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(prefix)) {
                break;
            }
            int cut = delimiter == null ? -1 : key.indexOf(delimiter, prefix.length());
            String common = cut < 0 ? null : key.substring(0, cut + delimiter.length());
            if (common != null && common.equals(lastPrefix)) {
                continue;
            }
            if (count == maxKeys) {
                truncated = true;
                break;
            }
            count++;
            if (common != null) {
                lastPrefix = common;
                last = new Marker(true, common);
                entries.append("<CommonPrefixes><Prefix>").append(name(common, url))
                        .append("</Prefix></CommonPrefixes>");
            } else {
                last = new Marker(false, key);
                StoredObject o = e.getValue();
                entries.append("<Contents><Key>").append(name(key, url)).append("</Key><LastModified>")
                        .append(Xml.timestamp(o.lastModified())).append("</LastModified><ETag>")
                        .append(Xml.escape(o.etag())).append("</ETag><Size>").append(o.body().length)
                        .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
            }
        }
        StringBuilder xml = new StringBuilder(entries.length() + 512).append(Xml.DECLARATION)
                .append("<ListBucketResult xmlns=\"").append(Xml.NAMESPACE).append("\"><Name>")
                .append(Xml.escape(bucket.name())).append("</Name><Prefix>").append(name(prefix, url))
                .append("</Prefix>");
        if (delimiter != null) {
            xml.append("<Delimiter>").append(name(delimiter, url)).append("</Delimiter>");
        }
        xml.append("<MaxKeys>").append(maxKeys).append("</MaxKeys><KeyCount>").append(count)
                .append("</KeyCount><IsTruncated>").append(truncated).append("</IsTruncated>");
        if (token != null) {
            xml.append("<ContinuationToken>").append(Xml.escape(token)).append("</ContinuationToken>");
        }
        if (truncated) {
            xml.append("<NextContinuationToken>").append(last.token()).append("</NextContinuationToken>");
        }
        if (query.containsKey("start-after")) {
            xml.append("<StartAfter>").append(name(query.get("start-after"), url)).append("</StartAfter>");
        }
        if (url) {
            xml.append("<EncodingType>url</EncodingType>");
        }
        return xml.append(entries).append("</ListBucketResult>").toString();
    }

    private static int maxKeys(String value) {
        if (value == null) {
            return MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw S3Error.badRequest("InvalidArgument", "max-keys must be at least 0, was " + value);
            }
            return Math.min(n, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Error.badRequest("InvalidArgument", "max-keys is not a number: " + value);
        }
    }

    private static boolean encoding(String value) {
        if (value == null) {
            return false;
        }
        if (!value.equals("url")) {
            throw S3Error.badRequest("InvalidArgument", "Invalid Encoding Method specified in Request: " + value);
        }
        return true;
    }

    private static String name(String value, boolean url) {
        return url ? URLEncoder.encode(value, StandardCharsets.UTF_8) : Xml.escape(value);
    }

    /**
     * Where a page ended: a key, or a common prefix (all of whose keys the next page skips). Its token is
     * opaque to clients.
     */
    private record Marker(boolean commonPrefix, String name) {
        static Marker parse(String token) {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (text.isEmpty() || (text.charAt(0) != 'k' && text.charAt(0) != 'p')) {
                    throw new IllegalArgumentException("no marker kind");
                }
                return new Marker(text.charAt(0) == 'p', text.substring(1));
            } catch (IllegalArgumentException e) {
                throw S3Error.badRequest("InvalidArgument", "The continuation token provided is incorrect");
            }
        }

        String token() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(((commonPrefix ? "p" : "k") + name).getBytes(StandardCharsets.UTF_8));
        }
    }
}
