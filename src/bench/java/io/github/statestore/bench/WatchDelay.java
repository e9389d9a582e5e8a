package io.github.statestore.bench;

import io.github.statestore.ChangeEvent;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.Subscription;
import io.github.statestore.Version;
import io.github.statestore.WatchOptions;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.jdbc.JdbcConfig;
import io.github.statestore.jdbc.PostgresServer;
import io.github.statestore.r2.R2Config;
import io.github.statestore.s3.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures the delivery delay of watches per backend: the time from a write's call returning to its event
 * reaching the listener of another store's subscription (0 when it came before the call returned), over {@value #DEFAULT_WRITES} writes (argument 1
 * changes it), each after a random pause shorter than the poll interval so that writes fall anywhere between
 * two polls. S3 and R2 run against S3Proxy on loopback (no network latency), PostgreSQL on an embedded
 * server, SQLite and the FileSystem in a temporary directory. Writes {@code target/bench/watch-delay.md}.
 * Start it with {@code mvn -B -Pbench test-compile exec:exec -Dbench.main=io.github.statestore.bench.WatchDelay
 * -Dbench.args=50}.
 */
public final class WatchDelay {
    private static final int DEFAULT_WRITES = 50;
    private static final Scope SCOPE = Scope.of("bench", "watch");
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration TENTH = Duration.ofMillis(100);
    private static final long PATIENCE_SECONDS = 120;

    private WatchDelay() {
    }

    /** @param args the number of writes per backend, {@value #DEFAULT_WRITES} if none */
    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 && args[0].matches("\\d+") ? Integer.parseInt(args[0]) : DEFAULT_WRITES;
        Path tmp = Files.createTempDirectory("watch-delay");
        StringBuilder md = new StringBuilder("Machine: ").append(Machine.describe()).append("; load before: ")
                .append(Machine.load()).append("\n\n| backend | poll interval | woken by | median | 90th pct | max "
                        + "| before the call returned |\n")
                .append("|---|---|---|---|---|---|---|\n");
        StoreConfig memory = StoreConfig.memory();
        md.append(row("memory", memory, SECOND, "the space's notice", writes));
        md.append(row("FileSystem", StoreConfig.fileSystem(tmp.resolve("fs")), SECOND, "inotify (WatchService)",
                writes));
        for (Duration interval : List.of(SECOND, TENTH)) {
            md.append(row("S3 (S3Proxy)", S3Server.config(S3Server.newBucket()).build(), interval, "polling", writes));
            md.append(row("R2 (S3Proxy)", R2Config.builder().accountId("0123456789abcdef0123456789abcdef")
                    .bucket(S3Server.newBucket()).accessKeyId(S3Server.ACCESS_KEY)
                    .secretAccessKey(S3Server.SECRET_KEY).endpoint(S3Server.endpoint()).build(), interval, "polling",
                    writes));
            md.append(row("SQLite", JdbcConfig.builder().url("jdbc:sqlite:" + tmp.resolve(interval.toMillis() + ".db"))
                    .build(), interval, "polling", writes));
            md.append(row("PostgreSQL", PostgresServer.newConfig().build(), interval, "polling", writes));
        }
        md.append("\nLoad after: ").append(Machine.load()).append('\n');
        Path out = Path.of("target", "bench", "watch-delay.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, md, StandardCharsets.UTF_8);
        System.out.println("\n" + md + "\nWritten: " + out);
        System.exit(0);
    }

    /**
     * One table row: {@code writes} timed writes through one store, seen by another store's watch. A delay
     * counts as 0 when the event came before the write's call returned, and the row says how often it did.
     */
    private static String row(String backend, StoreConfig config, Duration interval, String wokenBy, int writes)
            throws InterruptedException {
        List<Long> delays = measure(config, interval, writes);
        Collections.sort(delays);
        long early = delays.stream().filter(d -> d < 0).count();
        List<Long> clamped = delays.stream().map(d -> Math.max(0, d)).toList();
        return String.format("| %s | %s | %s | %s | %s | %s | %d of %d |%n", backend, millis(interval.toNanos()),
                wokenBy, millis(clamped.get(clamped.size() / 2)), millis(clamped.get(clamped.size() * 9 / 10)),
                millis(clamped.get(clamped.size() - 1)), early, writes);
    }

    private static List<Long> measure(StoreConfig config, Duration interval, int writes) throws InterruptedException {
        Map<Version, Long> delivered = new ConcurrentHashMap<>();
        Map<Version, CountDownLatch> awaited = new ConcurrentHashMap<>();
        Random pauses = new Random(15);
        List<Long> delays = new ArrayList<>();
        try (StateStore watched = config.open(SCOPE); StateStore writer = config.open(SCOPE)) {
            watched.init();
            Version version = writer.create("k", ContractFixture.state("k-start"));
            WatchOptions options = WatchOptions.builder().pollInterval(interval).build();
            try (Subscription ignored = watched.watch(e -> seen(e, delivered, awaited), options)) {
                for (int i = 0; i < writes; i++) {
                    Thread.sleep(pauses.nextInt((int) Math.max(1, interval.toMillis())));
                    CountDownLatch latch = new CountDownLatch(1);
                    Version previous = version;
                    version = writer.setIf("k", ContractFixture.state("k-" + i), previous);
                    long returned = System.nanoTime();
                    awaited.put(version, latch);
                    if (!delivered.containsKey(version) && !latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("no event for write " + i + " within " + PATIENCE_SECONDS
                                + " s");
                    }
                    delays.add(delivered.get(version) - returned);
                }
            }
        }
        return delays;
    }

    private static void seen(ChangeEvent event, Map<Version, Long> delivered, Map<Version, CountDownLatch> awaited) {
        delivered.put(event.version(), System.nanoTime());
        CountDownLatch latch = awaited.get(event.version());
        if (latch != null) {
            latch.countDown();
        }
    }

    private static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format("%.2f ms", ms) : String.format("%.0f ms", ms);
    }
}
