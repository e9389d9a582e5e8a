package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The first call of a fresh JVM, as a command or a short job sees it: {@link FreshRuns} starts one JVM per
 * measurement, which opens our store (or a raw SDK client and thread pool), makes one call, and prints one
 * JSON line: milliseconds to open, milliseconds of the first call, the JVM's uptime when it returned, and
 * the CPU the process had used by then. The document a {@code set} writes is built (ours) or read from the
 * seeded FileSystem root (raw) before the clock starts, without serializing anything. Arguments:
 * {@code ours|raw}, the workload ({@code get}, {@code set}, {@code getBatch}, {@code all}, {@code list}), the
 * endpoint name of {@link BenchEnv#endpoint}, and the concurrency ({@code maxConcurrency}; the raw loop's
 * threads and connections). Not thread-safe.
 */
public final class FirstCall {
    private FirstCall() {
    }

    /** @param args side, workload, endpoint, concurrency */
    public static void main(String[] args) throws Exception {
        String side = args[0];
        String workload = args[1];
        String endpoint = args[2];
        int concurrency = Integer.parseInt(args[3]);
        Scope scope = switch (workload) {
            case "get", "set" -> BenchEnv.ONE;
            case "list" -> BenchEnv.K10000;
            default -> BenchEnv.K1000;
        };
        State document = Documents.state(0, Integer.getInteger(Documents.PADDING_PROPERTY));
        byte[] written = Files.readAllBytes(BenchEnv.fsRoot().resolve(Path.of("bench", "one", "resource.json")));
        long start = System.nanoTime();
        Supplier<Integer> call;
        AutoCloseable resources;
        if (side.equals("ours")) {
            StateStore store = BenchEnv.store(endpoint, scope, concurrency);
            resources = store;
            call = ours(store, workload, document);
        } else {
            S3Client s3 = BenchEnv.rawClient(BenchEnv.endpoint(endpoint), concurrency);
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            resources = () -> {
                pool.shutdownNow();
                s3.close();
            };
            call = raw(s3, pool, scope, workload, written);
        }
        long opened = System.nanoTime();
        int size = call.get();
        long done = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        int expected = switch (workload) {
            case "get", "set" -> 1;
            case "list" -> 10_000;
            default -> 1000;
        };
        if (size != expected) {
            throw new IllegalStateException(workload + " gave " + size + " results, expected " + expected);
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"open\": %.3f, \"first\": %.3f, \"uptime\": %d, \"cpu\": %.3f}",
                (opened - start) / 1e6, (done - opened) / 1e6, uptime, cpu / 1e6));
        resources.close();
        System.exit(0);
    }

    private static Supplier<Integer> ours(StateStore store, String workload, State document) {
        return switch (workload) {
            case "get" -> () -> store.get(BenchEnv.ONE_KEY).map(s -> 1).orElse(0);
            case "set" -> () -> {
                store.set(BenchEnv.WRITTEN_KEY, document);
                return 1;
            };
            case "getBatch" -> () -> store.getBatch(Documents.keys(1000)).size();
            case "all" -> () -> store.all().size();
            case "list" -> () -> store.list().size();
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }

    private static Supplier<Integer> raw(S3Client s3, ExecutorService pool, Scope scope, String workload,
            byte[] document) {
        String bucket = BenchEnv.bucket();
        String prefix = BenchEnv.scopePrefix(scope);
        return switch (workload) {
            case "get" -> () -> RawS3.parse(RawS3.get(s3, bucket, prefix + BenchEnv.ONE_KEY)).size() > 0 ? 1 : 0;
            case "set" -> () -> {
                RawS3.put(s3, bucket, prefix + BenchEnv.WRITTEN_KEY, document);
                return 1;
            };
            case "getBatch" -> () -> sized(RawS3.getAll(s3, pool, bucket, prefix, Documents.keys(1000)));
            case "all" -> () -> sized(RawS3.getAll(s3, pool, bucket, prefix, RawS3.list(s3, bucket, prefix)));
            case "list" -> () -> RawS3.list(s3, bucket, prefix).size();
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        };
    }

    private static int sized(List<JsonNode> documents) {
        return documents.size();
    }
}
