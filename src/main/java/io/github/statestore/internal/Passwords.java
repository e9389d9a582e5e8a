package io.github.statestore.internal;

import java.util.Map;

/**
 * Where a store's password comes from: its config, else {@code STATESTORE_PASSWORD}, else
 * {@code ALCHEMY_PASSWORD} (Alchemy's variable, so both programs can share one setting). Stateless and
 * thread-safe.
 */
public final class Passwords {
    /** The variable read first. */
    public static final String STATESTORE_PASSWORD = "STATESTORE_PASSWORD";
    /** The variable read when {@value #STATESTORE_PASSWORD} is unset: Alchemy's. */
    public static final String ALCHEMY_PASSWORD = "ALCHEMY_PASSWORD";

    private Passwords() {
    }

    /**
     * The codec for a store.
     *
     * @param configured the config's password, or {@code null}
     * @param env the environment
     * @return a codec with the first password found, or without one
     */
    public static SecretCodec codec(String configured, Map<String, String> env) {
        return SecretCodec.withPassword(resolve(configured, env));
    }

    /**
     * The password a store uses.
     *
     * @param configured the config's password, or {@code null}
     * @param env the environment
     * @return the first of the config's password and the two variables that is set and not empty, or
     *     {@code null}
     */
    public static String resolve(String configured, Map<String, String> env) {
        for (String candidate : new String[] {configured, env.get(STATESTORE_PASSWORD), env.get(ALCHEMY_PASSWORD)}) {
            if (candidate != null && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return null;
    }
}
