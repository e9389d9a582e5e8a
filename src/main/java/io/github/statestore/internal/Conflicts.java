package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.Version;

/** Builds the {@link ConflictException} of a backend's conditional write from its raw tokens. Stateless. */
public final class Conflicts {
    private Conflicts() {
    }

    /**
     * Names the store operation of a conditional write.
     *
     * @param expected the version a conditional write expects, or {@code null} when the key must be absent
     * @return the store operation the caller made: {@code create} or {@code setIf}
     */
    public static String writeOperation(String expected) {
        return expected == null ? "create" : "setIf";
    }

    /**
     * Builds the exception for a conditional write or delete that lost to another writer.
     *
     * @param key the key (or lock name)
     * @param expected the token the caller expected, or {@code null} when it expected no entry
     * @param current the entry's current token, or {@code null} when absent or unknown
     * @param operation the store operation
     * @return the exception to throw
     */
    public static ConflictException of(String key, String expected, String current, String operation) {
        return new ConflictException(key, expected == null ? null : Version.of(expected),
                current == null ? null : Version.of(current), operation);
    }
}
