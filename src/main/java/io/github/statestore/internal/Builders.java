package io.github.statestore.internal;

import io.github.statestore.HistoryPolicy;
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

    /**
     * Checks a history setting.
     *
     * @param history the policy
     * @return the policy
     * @throws InvalidConfigException naming {@code history} if null
     */
    public static HistoryPolicy history(HistoryPolicy history) {
        if (history == null) {
            throw new InvalidConfigException("history", "must not be null; HistoryPolicy.off() keeps no history");
        }
        return history;
    }
}
