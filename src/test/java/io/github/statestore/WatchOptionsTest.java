package io.github.statestore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WatchOptionsTest {

    @Test
    void defaultsLeaveThePollIntervalToTheBackend() {
        assertEquals(Optional.empty(), WatchOptions.defaults().pollInterval());
        assertEquals(WatchOptions.defaults(), WatchOptions.builder().build());
    }

    @Test
    void aPollIntervalInRangeIsKept() {
        for (Duration d : new Duration[] {WatchOptions.MIN_POLL_INTERVAL, Duration.ofSeconds(30),
                WatchOptions.MAX_POLL_INTERVAL}) {
            assertEquals(Optional.of(d), WatchOptions.builder().pollInterval(d).build().pollInterval());
        }
    }

    @Test
    void aPollIntervalOutOfRangeIsRefusedNamingTheSetting() {
        for (Duration d : new Duration[] {Duration.ZERO, Duration.ofMillis(9), Duration.ofMillis(-1),
                Duration.ofHours(1).plusNanos(1)}) {
            InvalidConfigException e = assertThrows(InvalidConfigException.class,
                    () -> WatchOptions.builder().pollInterval(d));
            assertEquals("pollInterval", e.getSetting());
            assertTrue(e.getMessage().contains(d.toString()), e.getMessage());
        }
    }

    /** Another implementation of the interface, written before {@code watch} existed, still compiles and says why. */
    @Test
    void aStateStoreThatDoesNotImplementWatchSaysSo() {
        InvocationHandler defaultsOnly = (proxy, method, args) -> method.isDefault()
                ? InvocationHandler.invokeDefault(proxy, method, args) : null;
        StateStore other = (StateStore) Proxy.newProxyInstance(StateStore.class.getClassLoader(),
                new Class<?>[] {StateStore.class}, defaultsOnly);
        StateStoreException e = assertThrows(StateStoreException.class, () -> other.watch(event -> { }));
        assertTrue(e.getMessage().contains("cannot watch for changes"), e.getMessage());
    }
}
