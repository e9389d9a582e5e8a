package io.github.statestore;

import io.github.statestore.internal.Arguments;
import java.util.Objects;

/**
 * A state together with the version it was read at, to pass back to {@link StateStore#setIf} or
 * {@link StateStore#deleteIf}. Immutable and thread-safe.
 */
public final class VersionedState {
    private final State state;
    private final Version version;

    /**
     * Pairs a state with the version it was read at.
     *
     * @param state the state
     * @param version the version it was read at
     */
    public VersionedState(State state, Version version) {
        this.state = Arguments.notNull(state, "state");
        this.version = Arguments.notNull(version, "version");
    }

    /** {@return the state} */
    public State state() {
        return state;
    }

    /** {@return the version the state was read at} */
    public Version version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionedState v && v.state.equals(state) && v.version.equals(version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, version);
    }

    @Override
    public String toString() {
        return "VersionedState{" + state + ", version=" + version + "}";
    }
}
