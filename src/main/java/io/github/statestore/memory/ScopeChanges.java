package io.github.statestore.memory;

import io.github.statestore.spi.ChangeSignal;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The watches of one scope of a memory space, told by every store of the space right after each change it
 * made to the scope's entries: the in-JVM notice that makes the memory store's watches immediate. Thread-safe.
 */
final class ScopeChanges {
    private final Set<Signal> signals = ConcurrentHashMap.newKeySet();

    /** Wakes every watch of the scope; called after the change is visible in the scope's map. */
    void changed() {
        signals.forEach(Signal::fire);
    }

    /** {@return a new signal for one watch, fired by each later change until it is closed} */
    ChangeSignal signal() {
        Signal signal = new Signal();
        signals.add(signal);
        return signal;
    }

    /**
     * One watch's signal: a permit released on each change. A change fired while the watch already runs is
     * drained with the others, harmlessly: it was visible in the map before it fired, so the look that
     * follows sees it.
     */
    private final class Signal implements ChangeSignal {
        private final Semaphore fired = new Semaphore(0);

        void fire() {
            if (fired.availablePermits() == 0) {
                fired.release();
            }
        }

        @Override
        public boolean await(Duration timeout) throws InterruptedException {
            boolean woken = fired.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
            fired.drainPermits();
            return woken;
        }

        @Override
        public void close() {
            signals.remove(this);
        }
    }
}
