package io.github.statestore.bench.memorys3;

import java.util.Collection;
import java.util.Comparator;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * One bucket's objects, in S3's order (the keys' UTF-8 bytes, which is the order of their code points).
 * Reads take no lock; writes of the bucket are serialized, so that a conditional write checks and writes
 * as one step, as S3's conditional writes do. Thread-safe.
 */
final class Bucket {
    /** S3 lists keys in the order of their UTF-8 bytes, which is their code points' order. */
    static final Comparator<String> UTF8_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private final String name;
    private final ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>(UTF8_ORDER);

    Bucket(String name) {
        this.name = name;
    }

    /** {@return the bucket's name} */
    String name() {
        return name;
    }

    /** {@return the object, or {@code null} if there is none} */
    StoredObject get(String key) {
        return objects.get(key);
    }

    /** {@return the objects from a key on, in order} */
    NavigableMap<String, StoredObject> from(String key, boolean inclusive) {
        return objects.tailMap(key, inclusive);
    }

    /** {@return whether the bucket holds no object} */
    boolean isEmpty() {
        return objects.isEmpty();
    }

    /**
     * Stores an object if its conditions hold.
     *
     * @param ifMatch the ETag the current object must have, or {@code null}
     * @param ifNoneMatch {@code *} if no object may exist, or {@code null}
     * @throws S3Error {@code 412} when a condition fails, {@code 404 NoSuchKey} for {@code If-Match} on a missing
     *     object, as S3 answers
     */
    synchronized void put(String key, StoredObject object, String ifMatch, String ifNoneMatch) {
        check(key, ifMatch, ifNoneMatch);
        objects.put(key, object);
    }

    /**
     * Deletes an object if its condition holds; deleting a missing object without a condition succeeds.
     *
     * @param ifMatch the ETag the current object must have, or {@code null}
     */
    synchronized void delete(String key, String ifMatch) {
        check(key, ifMatch, null);
        objects.remove(key);
    }

    /** Deletes objects without conditions. */
    synchronized void deleteAll(Collection<String> keys) {
        keys.forEach(objects::remove);
    }

    private void check(String key, String ifMatch, String ifNoneMatch) {
        StoredObject current = objects.get(key);
        if (ifNoneMatch != null) {
            if (!"*".equals(ifNoneMatch.strip())) {
                throw S3Error.notImplemented("If-None-Match other than * on a write");
            }
            if (current != null) {
                throw S3Error.preconditionFailed("If-None-Match: *");
            }
        }
        if (ifMatch != null) {
            if (current == null) {
                throw S3Error.noSuchKey(key);
            }
            if (!Conditions.etagMatches(ifMatch, current.etag())) {
                throw S3Error.preconditionFailed("If-Match: " + ifMatch);
            }
        }
    }
}
