package io.github.statestore.fs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A test main class running in a second JVM on the test classpath, started with flags that make it start
 * fast (C1 only, serial GC, no logging backend). The child prints {@value #READY} once it has done its first
 * write; its stderr goes to the test's stderr. Public so that tests of other packages start children too.
 */
public final class ChildJvm implements AutoCloseable {
    /** The line a child prints once it is at work. */
    public static final String READY = "ready";
    private static final long HANG_GUARD_SECONDS = 60;

    private final Process process;
    private final BufferedReader stdout;

    private ChildJvm(Process process) {
        this.process = process;
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        return start(Map.of(), main, args);
    }

    /**
     * Starts a child with extra environment variables, such as credentials a store URL must not hold.
     *
     * @param env variables added to this JVM's environment
     * @param main the main class
     * @param args its arguments
     * @return the running child
     */
    public static ChildJvm start(Map<String, String> env, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-XX:+UseSerialGC", "-Xmx128m",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-Dslf4j.internal.verbosity=WARN",
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(Redirect.INHERIT);
        builder.environment().putAll(env);
        return new ChildJvm(builder.start());
    }

    /** Blocks until the child prints {@value #READY}; fails if it exits or stays silent too long. */
    public void awaitReady() throws IOException, InterruptedException {
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

    /**
     * Reads the rest of the child's output until it exits; fails unless it exits with 0 within the hang guard.
     *
     * @return the lines it printed after {@value #READY}
     */
    public List<String> awaitExit() throws IOException, InterruptedException {
        CompletableFuture<List<String>> rest = CompletableFuture.supplyAsync(() -> stdout.lines().toList());
        try {
            List<String> lines = rest.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("child " + process.pid() + " did not exit cleanly"
                        + (process.isAlive() ? "" : ": exit code " + process.exitValue()));
            }
            return lines;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("child " + process.pid() + " did not finish", e);
        }
    }

    /**
     * Reads the child's next line, for a child that answers each go-ahead it is {@linkplain #send sent}.
     *
     * @return the line
     * @throws IOException if the child ends its output or stays silent too long
     */
    public String awaitLine() throws IOException, InterruptedException {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(this::readLine);
        try {
            String next = line.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
            if (next == null) {
                throw new IOException("child " + process.pid() + " ended its output"
                        + (process.isAlive() ? "" : "; exit code " + process.waitFor()));
            }
            return next;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("child " + process.pid() + " said nothing", e);
        }
    }

    /**
     * Writes a line to the child's standard input, for a child that waits for a go-ahead.
     *
     * @param line the line, without its line break
     */
    public void send(String line) throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
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
