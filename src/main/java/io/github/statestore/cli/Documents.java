package io.github.statestore.cli;

import io.github.statestore.InvalidStateException;
import io.github.statestore.State;
import io.github.statestore.secret.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the commands print of a state: the document as the store writes it, with each secret shown as
 * {@value #MASK}, or with its plain value when revealed. A secret is a {@link Secret} (the store had the
 * password) or a sealed {@code {"@secret": …}} envelope (it had none). Stateless.
 */
final class Documents {
    /** What a secret is shown as without {@code --reveal}. */
    static final String MASK = "Secret(*****)";
    private static final String SECRET_TAG = "@secret";

    private Documents() {
    }

    /**
     * The document to print.
     *
     * @param state the state read
     * @param reveal whether to show the secrets' plain values
     * @return the document's fields, secrets masked or revealed
     */
    static Map<String, Object> shown(State state, boolean reveal) {
        Map<String, Object> shown = new LinkedHashMap<>();
        state.asMap().forEach((name, value) -> shown.put(name, shown(value, reveal)));
        return shown;
    }

    private static Object shown(Object value, boolean reveal) {
        if (value instanceof Secret secret) {
            return reveal ? secret.revealJson() : MASK;
        }
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey(SECRET_TAG)) {
                return MASK;
            }
            Map<Object, Object> shown = new LinkedHashMap<>();
            map.forEach((name, inner) -> shown.put(name, shown(inner, reveal)));
            return shown;
        }
        if (value instanceof List<?> list) {
            List<Object> shown = new ArrayList<>(list.size());
            list.forEach(inner -> shown.add(shown(inner, reveal)));
            return shown;
        }
        return value;
    }

    /**
     * Refuses a document holding a masked secret, as {@code get} prints it: writing it would replace the
     * secret with the text {@value #MASK}.
     *
     * @param key the key the document is for
     * @param state the document
     * @throws InvalidStateException naming the key and the masked value's JSON path
     */
    static void refuseMasked(String key, State state) {
        state.asMap().forEach((name, value) -> refuseMasked(key, "$." + name, value));
    }

    private static void refuseMasked(String key, String path, Object value) {
        if (MASK.equals(value)) {
            throw new InvalidStateException(key, path, "is " + MASK + ", a secret as 'statestore get' masks it,"
                    + " not its value; put the secret's @secret envelope as stored, or its value");
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((name, inner) -> refuseMasked(key, path + "." + name, inner));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                refuseMasked(key, path + "[" + i + "]", list.get(i));
            }
        }
    }
}
