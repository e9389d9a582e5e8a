package io.github.statestore.spi;

import io.github.statestore.ConflictException;
import io.github.statestore.Version;

/**
 * Builds the {@link ConflictException} a {@link Backend}'s conditional write or delete throws, from its raw
 * version tokens. Stateless and thread-safe.
 */
public final class Conflicts {
    private Conflicts() {
    }

    /**
     * The store operation a conditional write serves, for the message of its conflict.
     *
     * @param expected the version a conditional write expects, or {@code null} when the key must be absent
     * @return {@code create} or {@code setIf}
     */
    public static String writeOperation(String expected) {
        return expected == null ? "create" : "setIf";
    }

    /**
     * The conflict of a conditional write or delete.
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
