package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.ChangeEvent;
import io.github.statestore.ChangeEvent.Type;
import io.github.statestore.Version;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    @Test
    void eachDifferingKeyGivesOneEventSortedByKey() {
        Map<String, String> before = Map.of("kept", "1", "changed", "1", "gone", "1");
        Map<String, String> after = Map.of("kept", "1", "changed", "2", "new", "1");
        assertEquals(List.of(new ChangeEvent(Type.UPDATED, "changed", Version.of("2")),
                new ChangeEvent(Type.DELETED, "gone", Version.of("1")),
                new ChangeEvent(Type.CREATED, "new", Version.of("1"))), VersionDiff.between(before, after));
    }

    @Test
    void equalLooksGiveNoEvent() {
        assertEquals(List.of(), VersionDiff.between(Map.of("a", "1"), Map.of("a", "1")));
        assertEquals(List.of(), VersionDiff.between(Map.of(), Map.of()));
    }
}
