package io.github.statestore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link LeaseHolder} in a second JVM on the test classpath: its stdout read line by line on a thread of
 * its own, so the test can wait for a line while the child is stopped; its stderr goes to the test's. Stopping
 * and resuming use {@code kill} and {@code /proc}, so they work on Linux only. Every wait fails after
 * {@link #HANG_GUARD} rather than hang the build. Not thread-safe: one test thread uses it.
 */
final class LeaseHolderJvm implements AutoCloseable {
    static final Duration HANG_GUARD = Duration.ofSeconds(60);
    /**
     * A line of {@code /proc/locks} for a lock that is held, not waited for: its pid, its file's inode, and the
     * first and last byte it covers ({@code EOF}: to the end).
     */
    private static final Pattern HELD_LOCK = Pattern.compile(
            "\\d+: \\w+\\s+\\w+\\s+\\w+\\s+(\\d+)\\s+\\w+:\\w+:(\\d+)\\s+(\\d+)\\s+(\\d+|EOF)\\b.*");

    private final Process process;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();

    private LeaseHolderJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readStdout, "lease-holder-" + process.pid() + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a holder.
     *
     * @param url the store URL it opens
     * @param env what it needs in its environment besides this JVM's, such as credentials
     * @return the running child
     */
    static LeaseHolderJvm start(String url, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx128m",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-Dslf4j.internal.verbosity=WARN",
                "-cp", System.getProperty("java.class.path"), LeaseHolder.class.getName(), url)
                .redirectError(Redirect.INHERIT);
        builder.environment().putAll(env);
        return new LeaseHolderJvm(builder.start());
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(Optional.of(line));
            }
        } catch (IOException killed) {
            // The pipe broke with the child: there is nothing more to read, which the empty marker says.
        } finally {
            lines.add(Optional.empty());
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the child holds the lock.
     *
     * @return its lease's fencing token
     */
    long awaitHeld() throws InterruptedException {
        String token = awaitLine(line -> line.startsWith("TOKEN "), "TOKEN");
        awaitLine(LeaseHolder.HELD::equals, LeaseHolder.HELD);
        return Long.parseLong(token.substring("TOKEN ".length()));
    }

    /**
     * Skips the child's lines up to the first one wanted.
     *
     * @param wanted which line to wait for
     * @param what that line, for the failure message
     * @return the line
     * @throws AssertionError if the child ends its output or stays silent for {@link #HANG_GUARD} first
     */
    String awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (true) {
            Optional<String> line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("child " + pid() + " printed no " + what + " within " + HANG_GUARD
                        + "; it printed " + seen);
            }
            if (line.isEmpty()) {
                lines.add(line);
                throw new AssertionError("child " + pid() + " ended its output without printing " + what
                        + (process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS) ? " (exit code "
                        + process.exitValue() + ")" : "") + "; it printed " + seen);
            }
            seen.add(line.get());
            if (wanted.test(line.get())) {
                return line.get();
            }
        }
    }

    /**
     * Stops the child with SIGSTOP at a moment it is not {@code busy}: while it is, resumes it, waits until it
     * is seen not busy, and stops it again.
     *
     * @param busy whether the stopped child, given its pid, is somewhere it must not be left
     */
    void stopWhenNot(LongPredicate busy) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (true) {
            signal("STOP");
            awaitState('T');
            if (!busy.test(pid())) {
                return;
            }
            signal("CONT");
            while (busy.test(pid())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("child " + pid() + " stayed busy for " + HANG_GUARD);
                }
                Thread.sleep(1);
            }
        }
    }

    /** Resumes the stopped child with SIGCONT. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /**
     * Waits for the child to exit by itself.
     *
     * @return its exit code
     */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("child " + pid() + " did not exit within " + HANG_GUARD);
        }
        return process.exitValue();
    }

    /** Kills the child with SIGKILL (stopped or not) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("child " + pid() + " survived destroyForcibly");
        }
    }

    /**
     * Whether a process holds an OS lock on a file, by {@code /proc/locks}.
     *
     * @param pid the process
     * @param file the locked file
     * @return {@code true} if the process holds a lock on it (waiting for one does not count)
     */
    static boolean holdsLock(long pid, Path file) {
        return holdsLock(pid, file, -1);
    }

    /**
     * Whether a process holds an OS lock on a byte of a file, by {@code /proc/locks}.
     *
     * @param pid the process
     * @param file the locked file
     * @param offset the byte, or -1 for any
     * @return {@code true} if the process holds a lock covering it (waiting for one does not count)
     */
    static boolean holdsLock(long pid, Path file, long offset) {
        try {
            Object inode = Files.getAttribute(file, "unix:ino");
            return Files.readAllLines(Path.of("/proc/locks")).stream().map(HELD_LOCK::matcher)
                    .filter(Matcher::matches)
                    .anyMatch(m -> m.group(1).equals(Long.toString(pid)) && m.group(2).equals(inode.toString())
                            && (offset < 0 || Long.parseLong(m.group(3)) <= offset
                                    && (m.group(4).equals("EOF") || offset <= Long.parseLong(m.group(4)))));
        } catch (IOException e) {
            throw new IllegalStateException("cannot tell whether " + pid + " locks " + file, e);
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
        if (!kill.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -" + signal + " " + pid() + " failed");
        }
    }

    private void awaitState(char state) throws IOException, InterruptedException {
        Path stat = Path.of("/proc", Long.toString(pid()), "stat");
        long deadline = System.nanoTime() + HANG_GUARD.toNanos();
        while (true) {
            String line = Files.readString(stat);
            if (line.charAt(line.lastIndexOf(')') + 2) == state) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("child " + pid() + " did not reach state " + state + ": " + line);
            }
            Thread.sleep(5);
        }
    }

    /** Kills the child if it still runs, so that it cannot touch the next test's store. */
    @Override
    public void close() throws InterruptedIOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for child " + pid() + " to die");
        }
    }
}
