package io.github.statestore;

import io.github.statestore.internal.Arguments;

/**
 * A change to one key of a watched scope, as a {@link Subscription} reports it to its {@link ChangeListener}.
 * Immutable and thread-safe.
 *
 * @param type what happened to the key
 * @param key the key
 * @param version for {@link Type#CREATED} and {@link Type#UPDATED}, the version the key has now (the one
 *     {@link StateStore#getVersioned} returned at that moment); for {@link Type#DELETED}, the version the
 *     subscription last saw, which the delete removed or which was overwritten just before it
 */
public record ChangeEvent(Type type, String key, Version version) {

    /**
     * Checks that no component is null.
     *
     * @param type what happened to the key
     * @param key the key
     * @param version the version the event reports
     * @throws InvalidArgumentException naming the component, if one is null
     */
    public ChangeEvent {
        Arguments.notNull(type, "type");
        Arguments.notNull(key, "key");
        Arguments.notNull(version, "version");
    }

    /** What happened to a key between two looks at the scope. Immutable and thread-safe. */
    public enum Type {
        /** The key was absent and is present. */
        CREATED,
        /** The key was present and has another version. */
        UPDATED,
        /** The key was present and is absent. */
        DELETED
    }
}
