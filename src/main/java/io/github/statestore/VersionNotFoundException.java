package io.github.statestore;

import io.github.statestore.internal.Text;

/**
 * A version of a key that its store's history does not keep: never kept, or removed since by the history's
 * bounds. Thrown by {@link StateStore#restore} and {@link StateStore#restoreIf}; nothing was written.
 * Immutable and thread-safe.
 */
public class VersionNotFoundException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The key. */
    private final String key;
    private final transient Version version;

    /**
     * Creates the exception.
     *
     * @param key the key
     * @param version the version asked for
     */
    public VersionNotFoundException(String key, Version version) {
        super("Key " + Text.quote(key) + " has no version " + version + " in its history; list the versions kept "
                + "with history(key)", null, false);
        this.key = key;
        this.version = version;
    }

    /** {@return the key} */
    public String getKey() {
        return key;
    }

    /** {@return the version asked for} */
    public Version getVersion() {
        return version;
    }
}
