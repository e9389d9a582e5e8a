package io.github.statestore.internal;

import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.spi.Backend;
import java.util.Optional;

/**
 * A store's {@code get} as {@link BackendStateStore} ran it before its operations were watched: the same key
 * checks, backend read, parse and secret opening, with no {@link Operation}. The observation-cost benchmark's
 * baseline, for the cost of watching with nothing to report to. Thread-safe when the store's backend is.
 */
public final class BareGets {
    private final Backend backend;
    private final SecretCodec secrets;

    /**
     * @param store a store {@link io.github.statestore.spi.BackendStores} built, read through its backend
     */
    public BareGets(StateStore store) {
        this.backend = ((BackendStateStore) store).backend();
        this.secrets = Passwords.codec(null, System.getenv());
    }

    /**
     * Reads one state.
     *
     * @param key the key
     * @return the state, if the key is present
     */
    public Optional<State> get(String key) {
        KeyCodec.validate(key);
        backend.checkKey(key);
        byte[] bytes = backend.read(key);
        return Optional.ofNullable(bytes == null ? null : secrets.open(key, State.fromJson(bytes)));
    }
}
