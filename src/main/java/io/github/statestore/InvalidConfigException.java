package io.github.statestore;

/**
 * A configuration value that is missing, malformed or inconsistent with another, such as an unknown URL
 * scheme. Thrown when the config is built, never later. Immutable and thread-safe.
 */
public class InvalidConfigException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The name of the offending setting. */
    private final String setting;
    /** What is wrong with the setting, without the setting's name. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param setting the name of the offending setting, such as {@code STATESTORE_URL} or {@code bucket}
     * @param reason what is wrong with it
     */
    public InvalidConfigException(String setting, String reason) {
        super("Invalid setting " + setting + ": " + reason);
        this.setting = setting;
        this.reason = reason;
    }

    /**
     * The name of the offending setting.
     *
     * @return a setting name such as {@code bucket}
     */
    public String getSetting() {
        return setting;
    }

    /**
     * What is wrong with the setting.
     *
     * @return the reason, without the setting's name
     */
    public String getReason() {
        return reason;
    }
}
