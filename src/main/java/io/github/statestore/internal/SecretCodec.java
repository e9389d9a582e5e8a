package io.github.statestore.internal;

import io.github.statestore.SecretException;
import io.github.statestore.State;
import io.github.statestore.internal.JsonParsing;
import io.github.statestore.internal.JsonText;
import io.github.statestore.secret.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a state's {@link Secret}s into Alchemy's {@code @secret} envelopes before it is written, and the
 * envelopes back into {@code Secret}s after it is read. Without a password, envelopes read stay as they are
 * (so documents with secrets can still be listed, read and copied), and writing a {@code Secret} fails.
 * Every field but {@code status}, {@code kind}, {@code id}, {@code fqn} and {@code seq} is searched, at any
 * depth. Thread-safe.
 */
public final class SecretCodec {
    private static final SecretCodec NONE = new SecretCodec(null);
    private static final Set<String> PLAIN_FIELDS = Set.of("status", "kind", "id", "fqn", "seq");
    private static final String TAG = "@secret";

    private final SecretCipher cipher;

    private SecretCodec(SecretCipher cipher) {
        this.cipher = cipher;
    }

    /** {@return a codec without a password} */
    public static SecretCodec none() {
        return NONE;
    }

    /**
     * Creates a codec that encrypts and decrypts with a password.
     *
     * @param password the password, or {@code null} for none
     * @return a codec that encrypts and decrypts with it
     */
    public static SecretCodec withPassword(String password) {
        return password == null ? NONE : new SecretCodec(new SecretCipher(password));
    }

    /** {@return whether this codec has a password} */
    public boolean hasPassword() {
        return cipher != null;
    }

    /**
     * Encrypts every {@link Secret} in a state.
     *
     * @param key the state's key, for messages
     * @param state the state
     * @return the state with envelopes in place of secrets (the same state when it holds none)
     * @throws SecretException if the state holds a secret and there is no password
     * @throws io.github.statestore.InvalidStateException if a JSON secret's value would not read back (past the
     *     limits of docs/state-format.md, "Limits")
     */
    public State seal(String key, State state) {
        return transform(state, (value, path) -> value instanceof Secret secret ? seal(key, path, secret) : null);
    }

    /**
     * Decrypts every {@code @secret} envelope in a state; without a password, returns the state unchanged.
     *
     * @param key the state's key, for messages
     * @param state the state as read
     * @return the state with {@link Secret}s in place of envelopes
     * @throws SecretException if an envelope cannot be decrypted with the password or is malformed
     */
    public State open(String key, State state) {
        if (cipher == null) {
            return state;
        }
        return transform(state, (value, path) -> envelope(value) instanceof Map<?, ?> envelope
                ? open(key, path, envelope) : null);
    }

    private Map<String, Object> seal(String key, String path, Secret secret) {
        if (cipher == null) {
            throw new SecretException(key, path, "cannot be written without a password: set one in the store's "
                    + "config, or STATESTORE_PASSWORD (or ALCHEMY_PASSWORD) in the environment");
        }
        Map<String, Object> tagged = new LinkedHashMap<>();
        if (secret.isJson()) {
            byte[] text = JsonText.writeSecretValue(key, path, secret.revealJson()).getBytes(StandardCharsets.UTF_8);
            tagged.put(TAG, Map.of("data", cipher.encrypt(text)));
        } else {
            tagged.put(TAG, cipher.encrypt(secret.reveal().getBytes(StandardCharsets.UTF_8)));
        }
        return tagged;
    }

    private Secret open(String key, String path, Map<?, ?> envelope) {
        boolean json = envelope.containsKey("data");
        Object sealed = json ? envelope.get("data") : envelope;
        try {
            if (!(sealed instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException("'data' is not an envelope");
            }
            byte[] plain = cipher.decrypt(fields);
            return json ? Secret.ofJson(JsonParsing.parseValue(plain))
                    : Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new SecretException(key, path, "cannot be decrypted: wrong password, or the ciphertext was "
                    + "changed");
        } catch (IllegalArgumentException e) {
            throw new SecretException(key, path, "is not a valid secret envelope: " + e.getMessage());
        } catch (IOException e) {
            throw new SecretException(key, path, "is not a valid secret envelope: its data is not JSON text");
        }
    }

    /** The inner map of {@code {"@secret": {...}}}, or {@code null} when the value is not one. */
    private static Object envelope(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get(TAG) instanceof Map<?, ?> inner
                ? inner : null;
    }

    /** Replaces values for which {@code replace} answers non-null, at any depth of the searched fields. */
    private static State transform(State state, Replacer replace) {
        State.Builder builder = null;
        for (Map.Entry<String, Object> field : state.asMap().entrySet()) {
            if (PLAIN_FIELDS.contains(field.getKey())) {
                continue;
            }
            Object value = field.getValue();
            Object replaced = walk(value, "$." + field.getKey(), replace);
            if (replaced != value) {
                builder = builder == null ? state.toBuilder() : builder;
                builder.field(field.getKey(), replaced);
            }
        }
        return builder == null ? state : builder.build();
    }

    private static Object walk(Object value, String path, Replacer replace) {
        Object replaced = replace.apply(value, path);
        if (replaced != null) {
            return replaced;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = null;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object inner = walk(e.getValue(), path + "." + e.getKey(), replace);
                if (inner != e.getValue() && copy == null) {
                    copy = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> before : map.entrySet()) {
                        copy.put((String) before.getKey(), before.getValue());
                    }
                }
                if (copy != null) {
                    copy.put((String) e.getKey(), inner);
                }
            }
            return copy == null ? value : copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = null;
            for (int i = 0; i < list.size(); i++) {
                Object inner = walk(list.get(i), path + "[" + i + "]", replace);
                if (inner != list.get(i) && copy == null) {
                    copy = new ArrayList<>(list);
                }
                if (copy != null) {
                    copy.set(i, inner);
                }
            }
            return copy == null ? value : copy;
        }
        return value;
    }

    /** Answers a replacement for a value at a path, or {@code null} to leave it and search inside. */
    @FunctionalInterface
    private interface Replacer {
        Object apply(Object value, String path);
    }

    /** Names whether there is a password; never the password. */
    @Override
    public String toString() {
        return cipher == null ? "SecretCodec{no password}" : "SecretCodec{password set}";
    }
}
