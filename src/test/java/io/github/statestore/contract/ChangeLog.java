package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.ChangeEvent;
import io.github.statestore.ChangeListener;
import io.github.statestore.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A listener that records the events a subscription delivers, for tests: wait for an event with
 * {@link #await}, then check a key's events against what was written with {@link #assertCoalesced}.
 * Thread-safe.
 */
public final class ChangeLog implements ChangeListener {
    private final List<ChangeEvent> events = new ArrayList<>();

    @Override
    public synchronized void onChange(ChangeEvent event) {
        events.add(event);
    }

    /** {@return the events so far, in the order they came} */
    public synchronized List<ChangeEvent> events() {
        return List.copyOf(events);
    }

    /**
     * The events of one key so far.
     *
     * @param key the key
     * @return its events, in the order they came
     */
    public List<ChangeEvent> of(String key) {
        return events().stream().filter(e -> e.key().equals(key)).toList();
    }

    /**
     * Waits until an event has come that matches.
     *
     * @param what the event awaited, for the failure message
     * @param bound how long to wait at most
     * @param event the event awaited
     * @throws AssertionError naming the events that came, if none matches within the bound
     */
    public void await(String what, Duration bound, Predicate<ChangeEvent> event) throws InterruptedException {
        try {
            Await.until(what, bound, () -> events().stream().anyMatch(event));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the events: " + events(), e);
        }
    }

    /**
     * An event's test: of this type, key and version.
     *
     * @param type the type
     * @param key the key
     * @param version the version
     * @return the test
     */
    public static Predicate<ChangeEvent> is(ChangeEvent.Type type, String key, Version version) {
        return e -> e.equals(new ChangeEvent(type, key, version));
    }

    /**
     * Checks one key's events against the states it went through: each event reports a state that came after
     * the one the event before reported (several changes may coalesce into one event), its type agrees with
     * the state reported before it, no event reports a state the key never had, and the last one reports the
     * key's final state.
     *
     * @param key the key
     * @param states the key's versions in the order it had them, {@code null} where it was absent, starting
     *     with its state when the subscription began
     */
    public void assertCoalesced(String key, List<Version> states) {
        List<ChangeEvent> seen = of(key);
        Version reported = states.get(0);
        int at = 0;
        for (ChangeEvent e : seen) {
            Version before = reported;
            Version now = e.type() == ChangeEvent.Type.DELETED ? null : e.version();
            ChangeEvent.Type expected = before == null ? ChangeEvent.Type.CREATED
                    : now == null ? ChangeEvent.Type.DELETED : ChangeEvent.Type.UPDATED;
            assertEquals(expected, e.type(), () -> "event " + e + " after " + before + ": " + seen);
            if (now == null) {
                assertEquals(before, e.version(), () -> "a deletion reports the last version seen: " + seen);
            }
            int next = at + 1;
            while (next < states.size() && !Objects.equals(states.get(next), now)) {
                next++;
            }
            if (next == states.size()) {
                throw new AssertionError("event " + e + " reports no state " + key + " had after its state "
                        + at + ": invented or out of order. States " + states + ", events " + seen);
            }
            at = next;
            reported = now;
        }
        Version last = states.get(states.size() - 1);
        Version end = reported;
        assertEquals(last, end, () -> "the events of " + key + " end elsewhere than its final state "
                + last + ": " + seen + " for states " + states);
    }
}
