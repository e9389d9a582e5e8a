package io.github.statestore.internal;

import io.github.statestore.ChangeEvent;
import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The events between two looks at a scope, each a map of key to version. Stateless and thread-safe. */
final class VersionDiff {
    private VersionDiff() {
    }

    /**
     * Compares two looks.
     *
     * @param before the earlier look
     * @param after the later look
     * @return one event for each key whose version differs, sorted by key: created, updated (with the later
     *     version) or deleted (with the earlier version)
     */
    static List<ChangeEvent> between(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<ChangeEvent> events = new ArrayList<>();
        for (String key : keys) {
            String was = before.get(key);
            String is = after.get(key);
            if (was == null) {
                events.add(new ChangeEvent(Type.CREATED, key, Version.of(is)));
            } else if (is == null) {
                events.add(new ChangeEvent(Type.DELETED, key, Version.of(was)));
            } else if (!Objects.equals(was, is)) {
                events.add(new ChangeEvent(Type.UPDATED, key, Version.of(is)));
            }
        }
        return events;
    }
}
