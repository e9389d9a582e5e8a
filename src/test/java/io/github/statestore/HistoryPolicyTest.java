package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** History policies: their bounds, the settings a bad value names, equality and how they print. */
class HistoryPolicyTest {

    @Test
    void offKeepsNothingAndEachBoundIsReported() {
        assertFalse(HistoryPolicy.off().enabled());
        assertEquals(OptionalInt.empty(), HistoryPolicy.off().keptVersions());
        HistoryPolicy both = HistoryPolicy.builder().keepVersions(10).keepFor(Duration.ofDays(30)).build();
        assertTrue(both.enabled());
        assertEquals(OptionalInt.of(10), both.keptVersions());
        assertEquals(Optional.of(Duration.ofDays(30)), both.keptFor());
        assertEquals(Optional.empty(), HistoryPolicy.keepVersions(1).keptFor());
        assertEquals(OptionalInt.empty(), HistoryPolicy.keepFor(Duration.ofMillis(1)).keptVersions());
        assertEquals("HistoryPolicy{keepVersions=10, keepFor=PT720H}", both.toString());
        assertEquals("HistoryPolicy{off}", HistoryPolicy.off().toString());
    }

    @Test
    void aBadValueNamesItsSetting() {
        assertEquals("keepVersions", assertThrows(InvalidConfigException.class,
                () -> HistoryPolicy.keepVersions(0)).getSetting());
        assertEquals("keepVersions", assertThrows(InvalidConfigException.class,
                () -> HistoryPolicy.keepVersions(HistoryPolicy.MAX_VERSIONS + 1)).getSetting());
        assertEquals("keepFor", assertThrows(InvalidConfigException.class,
                () -> HistoryPolicy.keepFor(Duration.ZERO)).getSetting());
        assertEquals("keepFor", assertThrows(InvalidConfigException.class,
                () -> HistoryPolicy.keepFor(null)).getSetting());
        assertEquals("keepFor", assertThrows(InvalidConfigException.class,
                () -> HistoryPolicy.keepFor(HistoryPolicy.MAX_AGE.plusMillis(1))).getSetting());
        assertEquals("clock", assertThrows(InvalidConfigException.class,
                () -> HistoryPolicy.builder().clock(null)).getSetting());
        assertEquals("history", assertThrows(InvalidConfigException.class,
                () -> HistoryPolicy.builder().build()).getSetting());
    }

    @Test
    void policiesAreEqualWhenTheirBoundsAndClocksAre() {
        assertEquals(HistoryPolicy.keepVersions(5), HistoryPolicy.builder().keepVersions(5).build());
        assertEquals(HistoryPolicy.keepVersions(5).hashCode(), HistoryPolicy.keepVersions(5).hashCode());
        assertNotEquals(HistoryPolicy.keepVersions(5), HistoryPolicy.keepVersions(6));
        Clock fixed = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        HistoryPolicy onFixed = HistoryPolicy.builder().keepVersions(5).clock(fixed).build();
        assertNotEquals(HistoryPolicy.keepVersions(5), onFixed);
        assertTrue(onFixed.toString().contains("clock="), onFixed.toString());
    }
}
