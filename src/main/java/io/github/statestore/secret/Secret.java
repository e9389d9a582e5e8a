package io.github.statestore.secret;

import io.github.statestore.StateStoreException;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.JsonValues;
import java.util.Objects;

/**
 * A sensitive value: a string (an API key, a password) or any JSON value. Place it anywhere in a state's
 * {@code data}, {@code props} or {@code output}; a store opened with a password stores it encrypted in
 * Alchemy's {@code @secret} envelope and gives it back as a {@code Secret} when it reads the state.
 * {@link #toString()} never shows the value, so it stays out of logs and exception messages.
 *
 * <pre>{@code
 * State state = State.builder()
 *         .status(State.Status.CREATED).kind("stripe::Key").id("key").fqn("my-app/dev/key")
 *         .props(Map.of("apiKey", Secret.of("sk_live_...")))
 *         .build();
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class Secret {
    private final Object value;
    private final boolean json;

    private Secret(Object value, boolean json) {
        this.value = value;
        this.json = json;
    }

    /**
     * A secret string.
     *
     * @param value the plain text
     * @return the secret
     */
    public static Secret of(String value) {
        return new Secret(Arguments.notNull(value, "value"), false);
    }

    /**
     * A secret JSON value (a map, list, number, boolean, string or {@code null}), stored as Alchemy stores a
     * non-string secret: the envelope of its JSON text, under {@code {"@secret": {"data": ...}}}.
     *
     * @param value the JSON-shaped value (copied)
     * @return the secret
     * @throws io.github.statestore.InvalidStateException if the value has no JSON form
     */
    public static Secret ofJson(Object value) {
        return new Secret(JsonValues.copy(value, "$"), true);
    }

    /** {@return whether this is a JSON value rather than a string} */
    public boolean isJson() {
        return json;
    }

    /**
     * The plain text of a string secret.
     *
     * @return the value
     * @throws StateStoreException if this is a JSON secret; use {@link #revealJson()}
     */
    public String reveal() {
        if (json) {
            throw new StateStoreException("reveal() of a JSON secret; use revealJson()");
        }
        return (String) value;
    }

    /**
     * The value of a JSON secret, or the text of a string secret.
     *
     * @return the value: unmodifiable maps and lists, strings, numbers, booleans or {@code null}
     */
    public Object revealJson() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.json == json && Objects.equals(s.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(json, value);
    }

    /** @return {@code Secret(*****)}: never the value */
    @Override
    public String toString() {
        return "Secret(*****)";
    }
}
