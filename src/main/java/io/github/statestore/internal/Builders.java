package io.github.statestore.internal;

import io.github.statestore.InvalidConfigException;

/** Checks shared by the backends' config builders. Stateless and thread-safe. */
public final class Builders {
    private Builders() {
    }

    /**
     * Checks a password setting.
     *
     * @param password the password
     * @return the password
     * @throws InvalidConfigException if null or empty (never showing it)
     */
    public static String password(String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidConfigException("password", "must not be empty");
        }
        return password;
    }
}
