package io.github.statestore.fs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test main class running in a second JVM on the test classpath, started with flags that make it start
 * fast (C1 only, serial GC, no logging backend). The child prints {@value #READY} once it has done its first
 * write; its stderr goes to the test's stderr.
 */
final class ChildJvm implements AutoCloseable {
    static final String READY = "ready";
    private static final long HANG_GUARD_SECONDS = 60;

    private final Process process;
    private final BufferedReader stdout;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx128m",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-Dslf4j.internal.verbosity=WARN",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectError(Redirect.INHERIT).start());
    }

    /** Blocks until the child prints {@value #READY}; fails if it exits or stays silent too long. */
    void awaitReady() throws IOException, InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(this::readLine);
        try {
            String first = line.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            if (!READY.equals(first)) {
                throw new IOException("child " + process.pid() + " said " + first + " instead of " + READY
                        + (process.isAlive() ? "" : "; exit code " + process.waitFor()));
            }
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("child " + process.pid() + " never became ready", e);
        }
    }

    private String readLine() {
        try {
            return stdout.readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the child with SIGKILL (no shutdown hooks, no flushing) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child " + process.pid() + " survived destroyForcibly");
        }
    }

    /** Kills the child if it still runs and waits until it is gone, so it cannot touch the next test's files. */
    @Override
    public void close() throws IOException {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for child " + process.pid() + " to die");
        } finally {
            stdout.close();
        }
    }
}
