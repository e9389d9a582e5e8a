package io.github.statestore.s3;

import io.github.statestore.CorruptStateException;
import io.github.statestore.InvalidKeyException;
import io.github.statestore.StateStoreException;
import io.github.statestore.internal.Text;
import io.github.statestore.key.KeyCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where one scope's expiries live. A document's expiry is its object's user metadata
 * {@code x-amz-meta-}{@value #EXPIRES_AT} (epoch milliseconds), written by the same PutObject, so GetObject
 * returns it with the bytes. Listings return no metadata, so each write with an expiry first puts a mark: an
 * object {@code <S3Layout#expiryPrefix()><encoded key>/<13-digit epoch ms>}, outside the scope's prefix, empty
 * (or holding the key, when the key is named by its hash). A document with an expiry thus always has a mark at
 * that expiry; a mark may outlive it (a failed or later write, a delete), which only over-reports. Thread-safe.
 */
final class ExpiryMarks {
    /** The user-metadata entry ({@code x-amz-meta-statestore-expires-at}) holding the expiry in epoch ms. */
    static final String EXPIRES_AT = "statestore-expires-at";
    /** A mark's name: epoch milliseconds, zero-padded so that names sort by time. */
    private static final int NAME_DIGITS = 13;
    private static final long LATEST_MARK = 9_999_999_999_999L;

    private final RetryingS3Client s3;
    private final S3Answers answers;
    private final S3Layout layout;
    private final Function<String, PutObjectRequest.Builder> put;

    /**
     * @param put a new PutObject request for an object key, with the store's settings (encryption)
     */
    ExpiryMarks(RetryingS3Client s3, S3Answers answers, S3Layout layout,
            Function<String, PutObjectRequest.Builder> put) {
        this.s3 = s3;
        this.answers = answers;
        this.layout = layout;
        this.put = put;
    }

    /** {@return the user metadata that carries an expiry} */
    static Map<String, String> metadata(Instant expiresAt) {
        return Map.of(EXPIRES_AT, Long.toString(expiresAt.toEpochMilli()));
    }

    /**
     * The expiry an object's user metadata carries.
     *
     * @param metadata the metadata GetObject returned
     * @param key the key, for messages
     * @param location the object, for messages
     * @return the expiry, or {@code null} when there is none
     * @throws CorruptStateException if the entry is not a number of milliseconds
     */
    static Instant expiresAt(Map<String, String> metadata, String key, String location) {
        String value = metadata.get(EXPIRES_AT);
        if (value == null) {
            return null;
        }
        try {
            return Instant.ofEpochMilli(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            throw new CorruptStateException(key, location, "its metadata x-amz-meta-" + EXPIRES_AT + " is "
                    + Text.quote(value) + ", not epoch milliseconds", e);
        }
    }

    /**
     * Puts the mark of a key's expiry, before the document that carries it is written. Unconditional and
     * idempotent: a retried attempt puts the same empty object again.
     *
     * @param key a valid key
     * @param expiresAt the expiry
     */
    void mark(String key, Instant expiresAt) {
        String prefix = markPrefix(key);
        String objectKey = prefix + name(expiresAt);
        byte[] body = S3Layout.isHashed(prefix.substring(layout.expiryPrefix().length()))
                ? key.getBytes(StandardCharsets.UTF_8) : new byte[0];
        PutObjectRequest request = put.apply(objectKey).contentType("application/octet-stream").build();
        s3.call(S3Operation.EXPIRY, key, location(objectKey), c -> c.putObject(request, RequestBody.fromBytes(body)));
    }

    /**
     * Every key with a mark, from one listing of the scope's marks without the delimiter (one request per 1,000
     * marks); a nested scope's marks, one level deeper, are skipped. Only a key named by its hash costs a
     * GetObject of one of its marks.
     *
     * @return each key's earliest mark
     */
    Map<String, Instant> all() {
        String prefix = layout.expiryPrefix();
        Map<String, Instant> earliest = new HashMap<>();
        Map<String, String> hashed = new HashMap<>();
        DelimitedListing.eachPageBelow(s3, answers, prefix, page -> {
            for (S3Object object : page.contents()) {
                String rest = object.key().substring(prefix.length());
                int slash = rest.indexOf(S3Layout.DELIMITER);
                Instant at = slash < 0 ? null : instantOf(rest.substring(slash + 1));
                String segment = at == null ? null : rest.substring(0, slash);
                if (segment != null && S3Layout.isHashed(segment)) {
                    hashed.merge(segment, object.key(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
                } else if (segment != null && keyOf(segment) != null) {
                    earliest.merge(keyOf(segment), at, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        });
        hashed.values().forEach(objectKey -> {
            String key = keyOfHashed(objectKey);
            if (key != null) {
                earliest.merge(key, instantOf(objectKey.substring(objectKey.length() - NAME_DIGITS)),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
        });
        return earliest;
    }

    /**
     * A key's marks at or before an instant, from one delimited listing of the key's marks.
     *
     * @param key a valid key
     * @param upTo the latest mark to take
     * @return the marks' object keys
     */
    List<String> upTo(String key, Instant upTo) {
        String prefix = markPrefix(key);
        List<String> marks = new ArrayList<>();
        DelimitedListing.eachPage(s3, answers, prefix, page -> {
            for (S3Object object : page.contents()) {
                Instant at = instantOf(object.key().substring(prefix.length()));
                if (at != null && !at.isAfter(upTo)) {
                    marks.add(object.key());
                }
            }
        });
        return marks;
    }

    /**
     * The prefix of a key's marks.
     *
     * @param key a valid key
     * @return the prefix, ending in {@code /}
     * @throws StateStoreException if the marks' object keys would pass S3's limit
     */
    String markPrefix(String key) {
        String prefix = layout.expiryMarkPrefix(key, NAME_DIGITS);
        if (prefix.getBytes(StandardCharsets.UTF_8).length + NAME_DIGITS > S3Layout.MAX_OBJECT_KEY_BYTES) {
            throw new StateStoreException("Cannot keep the expiry of key " + Text.quote(key) + " at " + location(
                    prefix) + "…: the object key would pass S3's limit of " + S3Layout.MAX_OBJECT_KEY_BYTES
                    + " bytes; use a shorter prefix or scope");
        }
        return prefix;
    }

    /**
     * A mark's name: the expiry's epoch milliseconds, zero-padded to {@value #NAME_DIGITS} digits. An expiry
     * outside what the digits hold is marked at the nearest end: before 1970 (long past, so read at once) or
     * after the year 2286 (earlier than it, as a mark may be).
     */
    private static String name(Instant expiresAt) {
        long millis = Math.max(0, Math.min(LATEST_MARK, expiresAt.toEpochMilli()));
        return String.format("%0" + NAME_DIGITS + "d", millis);
    }

    /** {@return the instant a mark's name gives, or {@code null} if it is not a mark's name} */
    private static Instant instantOf(String name) {
        if (name.length() != NAME_DIGITS || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Instant.ofEpochMilli(Long.parseLong(name));
    }

    private static String keyOf(String segment) {
        try {
            return KeyCodec.decode(segment);
        } catch (InvalidKeyException notOurs) {
            return null;
        }
    }

    /** The key a hashed key's mark holds, or {@code null} when the mark is gone or not one this store wrote. */
    private String keyOfHashed(String objectKey) {
        byte[] body = s3.call(S3Operation.EXPIRY, null, location(objectKey), c -> {
            try {
                return c.getObjectAsBytes(r -> r.bucket(s3.bucket()).key(objectKey)).asByteArray();
            } catch (NoSuchKeyException gone) {
                return null;
            }
        });
        if (body == null) {
            return null;
        }
        String key = new String(body, StandardCharsets.UTF_8);
        try {
            return layout.expiryMarkPrefix(key, NAME_DIGITS).equals(
                    objectKey.substring(0, objectKey.lastIndexOf(S3Layout.DELIMITER) + 1)) ? key : null;
        } catch (InvalidKeyException notAKey) {
            return null;
        }
    }

    private String location(String objectKey) {
        return "s3://" + s3.bucket() + "/" + objectKey;
    }
}
