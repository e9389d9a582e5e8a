package io.github.statestore.internal;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares scopes of two stores by content: the keys only one holds, and those both hold with other bytes.
 * Documents are compared as stored, byte for byte, so secrets compare sealed. Stateless and thread-safe.
 */
public final class Differ {
    private Differ() {
    }

    /** How a key differs. */
    public enum Change {
        /** Only the first store holds the key. */
        ONLY_IN_FIRST,
        /** Only the second store holds the key. */
        ONLY_IN_SECOND,
        /** Both hold the key, with other bytes. */
        CHANGED
    }

    /**
     * One key that differs.
     *
     * @param scope the scope
     * @param key the key
     * @param change how
     */
    public record Difference(Scope scope, String key, Change change) {
    }

    /**
     * Compares some scopes of two stores.
     *
     * @param first the first store
     * @param second the second store
     * @param scopes the scopes to compare
     * @return the keys that differ, by scope and then key
     */
    public static List<Difference> diff(StoreConfig first, StoreConfig second, List<Scope> scopes) {
        List<Difference> differences = new ArrayList<>();
        for (Scope scope : scopes) {
            try (StateStore a = first.open(scope); StateStore b = second.open(scope)) {
                BackendStateStore x = Copier.backed(a);
                BackendStateStore y = Copier.backed(b);
                TreeSet<String> keys = new TreeSet<>(x.backend().keys());
                keys.addAll(y.backend().keys());
                for (String key : keys) {
                    byte[] left = x.backend().read(key);
                    byte[] right = y.backend().read(key);
                    if (left != null && right == null) {
                        differences.add(new Difference(scope, key, Change.ONLY_IN_FIRST));
                    } else if (left == null && right != null) {
                        differences.add(new Difference(scope, key, Change.ONLY_IN_SECOND));
                    } else if (left != null && !Arrays.equals(left, right)) {
                        differences.add(new Difference(scope, key, Change.CHANGED));
                    }
                }
            }
        }
        return differences;
    }
}
