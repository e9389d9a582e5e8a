package io.github.statestore.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The heap-held measurement tells a call that holds more than its result from one that does not. */
class HeapHeldTest {
    private static final int MB = 1_000_000;

    @Test
    void seesWhatACallHoldsBeyondItsResult() throws InterruptedException {
        assumeTrue(ManagementFactory.getGarbageCollectorMXBeans().stream()
                .anyMatch(gc -> gc.getName().equals("G1 Old Generation")), "needs G1");
        HeapHeld.Measurement m = HeapHeld.measure(() -> {
            byte[] scratch = new byte[30 * MB];
            byte[] result = new byte[20 * MB];
            pause(400);
            return scratch.length > 0 ? result : null;
        });
        String what = "result " + m.result() + ", peak " + m.peak() + ", " + m.collections() + " collections";
        assertTrue(m.result() > 15 * MB && m.result() < 25 * MB, what);
        assertTrue(m.peak() - m.result() > 25 * MB, what);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
