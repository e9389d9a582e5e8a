package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.InvalidStateException;
import io.github.statestore.Lease;
import io.github.statestore.State;
import io.github.statestore.Version;
import io.github.statestore.VersionedState;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every document a store accepts reads back: at each limit of docs/state-format.md ("Limits") a document
 * is written and read back, and one step past it the write is refused with {@link InvalidStateException}
 * naming the key and the limit, leaving the previous document in place.
 */
public abstract class StateLimitsContract extends ConditionalWritesContract {
    private static final int MAX_STRING_LENGTH = 20_000_000;
    private static final int MAX_DEPTH = 1_000;
    private static final int MAX_NUMBER_DIGITS = 1_000;
    private static final int MAX_NAME_BYTES = 50_000;

    @Test
    void aStringOfTheLimitReadsBackAndOneCharacterMoreIsRefused() {
        requires(Capability.LARGE_DOCUMENTS);
        String longest = "\"é" + "x".repeat(MAX_STRING_LENGTH - 4) + "é\n";
        State atLimit = withProps(Map.of("big", longest));
        store.set("big", atLimit);
        assertEquals(Optional.of(atLimit), store.get("big"));

        assertRefused(atLimit, "big", "$.props.big", "a string of " + (MAX_STRING_LENGTH + 1) + " characters",
                MAX_STRING_LENGTH, withProps(Map.of("big", longest + "x")));
    }

    @Test
    void aDocumentNestedToTheLimitReadsBackAndOneLevelMoreIsRefused() {
        State atLimit = withProps(Map.of("deep", nested(MAX_DEPTH - 2)));
        store.set("deep", atLimit);
        assertEquals(Optional.of(atLimit), store.get("deep"));
        assertEquals(Map.of("deep", atLimit), store.all());

        assertRefused(atLimit, "deep", "$.props.deep" + "[0].a".repeat((MAX_DEPTH - 2) / 2),
                "an object or array nested " + (MAX_DEPTH + 1) + " deep", MAX_DEPTH,
                withProps(Map.of("deep", nested(MAX_DEPTH - 1))));
    }

    @Test
    void aNumberOfTheLimitInDigitsReadsBackAndOneDigitMoreIsRefused() {
        BigInteger longest = new BigInteger("9".repeat(MAX_NUMBER_DIGITS));
        State atLimit = withProps(Map.of("n", longest, "negative", longest.negate()));
        store.set("n", atLimit);
        assertEquals(Optional.of(atLimit), store.get("n"));

        assertRefused(atLimit, "n", "$.props.n", "a number of " + (MAX_NUMBER_DIGITS + 1) + " digits",
                MAX_NUMBER_DIGITS, withProps(Map.of("n", BigInteger.TEN.pow(MAX_NUMBER_DIGITS))));
    }

    @Test
    void anObjectKeyOfTheLimitInUtf8BytesReadsBackAndOneByteMoreIsRefused() {
        String threeByteChars = "€".repeat((MAX_NAME_BYTES - 2) / 3) + "é";
        String fourByteChars = "😀".repeat(MAX_NAME_BYTES / 4);
        State atLimit = withProps(Map.of(threeByteChars, 1L, fourByteChars, 2L));
        store.set("names", atLimit);
        assertEquals(Optional.of(atLimit), store.get("names"));

        assertRefused(atLimit, "names", "$.props", "an object key of " + (MAX_NAME_BYTES + 1) + " bytes (UTF-8)",
                MAX_NAME_BYTES, withProps(Map.of(threeByteChars + "x", 1L)));
    }

    @Test
    void anObjectKeyWithAnUnpairedSurrogateIsRefusedThoughSuchAValueReadsBack() {
        State loneInValue = withProps(Map.of("lone", "a\ud800b"));
        store.set("lone", loneInValue);
        assertEquals(Optional.of(loneInValue), store.get("lone"));

        InvalidStateException e = assertThrows(InvalidStateException.class,
                () -> store.set("lone", withProps(Map.of("a\ud800b", 1L))));
        assertEquals("lone", e.getKey());
        assertEquals("$.props", e.getPath());
        assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
        assertEquals(Optional.of(loneInValue), store.get("lone"));
    }

    @Test
    void everyWayOfWritingRefusesADocumentPastTheLimitsAndWritesNothing() {
        State previous = state("k");
        Version version = store.create("k", previous);
        State tooLong = withProps(Map.of("n", BigInteger.TEN.pow(MAX_NUMBER_DIGITS)));
        List<Executable> writes = List.of(
                () -> store.set("k", tooLong),
                () -> store.setIf("k", tooLong, version),
                () -> store.update("k", current -> tooLong),
                () -> {
                    try (Lease lease = store.lock("limits", Duration.ofSeconds(30), Duration.ZERO)) {
                        lease.set("k", tooLong);
                    }
                });
        for (Executable write : writes) {
            assertEquals("k", assertThrows(InvalidStateException.class, write).getKey());
        }
        assertEquals("new", assertThrows(InvalidStateException.class, () -> store.create("new", tooLong)).getKey());
        assertEquals(Optional.of(new VersionedState(previous, version)), store.getVersioned("k"));
        assertEquals(List.of("k"), store.list());
    }

    /**
     * Writes {@code tooLarge} over {@code previous} and expects it refused with the given reason and limit,
     * and {@code previous} still stored.
     */
    private void assertRefused(State previous, String key, String path, String reason, int limit, State tooLarge) {
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> store.set(key, tooLarge));
        assertEquals(key, e.getKey());
        assertEquals(path, e.getPath());
        assertTrue(e.getMessage().startsWith("Invalid state for key \"" + key + "\" at " + path + ": " + reason),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("the limit is " + limit), e.getMessage());
        assertEquals(Optional.of(previous), store.get(key));
    }

    private static State withProps(Map<String, ?> props) {
        return state("limits").toBuilder().props(props).build();
    }

    /**
     * A value of {@code containers} nested containers, lists holding maps holding lists; the innermost is
     * empty.
     */
    private static Object nested(int containers) {
        Object value = containers % 2 == 0 ? Map.of() : List.of();
        for (int i = containers - 1; i > 0; i--) {
            value = i % 2 == 1 ? List.of(value) : Map.of("a", value);
        }
        return value;
    }
}
