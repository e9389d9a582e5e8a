package io.github.statestore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the results were measured on: cores, JDK, operating system, load. Stateless and thread-safe. */
final class Machine {
    private Machine() {
    }

    /** @return cores, JDK and operating system, in one line */
    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores, " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB max heap; JDK " + System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version") + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch");
    }

    /** {@return this JVM's CPU time so far, every thread, in nanoseconds} */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** @return the load averages over 1, 5 and 15 minutes, where the system reports them */
    static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException unknown) {
            return String.valueOf(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
    }
}
