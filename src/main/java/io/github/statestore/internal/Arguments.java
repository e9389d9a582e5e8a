package io.github.statestore.internal;

import io.github.statestore.InvalidArgumentException;
import io.github.statestore.InvalidConfigException;

/** The null checks of the public API, so that a null argument is never a bare NullPointerException. Thread-safe. */
public final class Arguments {
    private Arguments() {
    }

    /**
     * Checks an argument that is neither a key, a scope name nor a setting.
     *
     * @param value the argument
     * @param parameter its name
     * @param <T> its type
     * @return the argument
     * @throws InvalidArgumentException naming the parameter, if the argument is null
     */
    public static <T> T notNull(T value, String parameter) {
        if (value == null) {
            throw new InvalidArgumentException(parameter, "must not be null");
        }
        return value;
    }

    /**
     * Checks a setting given as an argument, such as a lease's ttl.
     *
     * @param value the setting
     * @param setting its name
     * @param <T> its type
     * @return the setting
     * @throws InvalidConfigException naming the setting, if it is null
     */
    public static <T> T settingNotNull(T value, String setting) {
        if (value == null) {
            throw new InvalidConfigException(setting, "must not be null");
        }
        return value;
    }
}
