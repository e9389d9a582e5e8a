package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * First calls in fresh processes, as a command or a short job sees them: for each repetition, one fresh JVM
 * (on the class path of a program that uses the library, {@link #libraryClassPath()}) running
 * {@link FirstCall} for our store, one for the raw SDK, one for our store with the flags
 * {@code docs/cli.md} gives the {@code statestore} command ({@code -XX:TieredStopAtLevel=1} and a class-data
 * sharing archive, {@link #CLI_ARCHIVE}, made once by an unmeasured run), and (for the default concurrency)
 * one fresh Node process running Alchemy's store, in turn, so that the machine's load falls on all alike.
 * Keeps the median of each figure ({@code open}, {@code first}, their sum {@code total}, {@code uptime},
 * {@code cpu}) under names such as {@code fresh.ours.getBatch@32.first} (sides
 * {@code ours}, {@code raw}, {@code ours-cli}, {@code alchemy}), in milliseconds. Not thread-safe.
 */
final class FreshRuns {
    private static final long TIMEOUT_MINUTES = 5;
    private static final List<String> FIGURES = List.of("open", "first", "uptime", "cpu");
    /** The class-data sharing archive of the {@code ours-cli} side. */
    static final Path CLI_ARCHIVE = Path.of("target", "bench", "fresh-cli.jsa").toAbsolutePath();

    private final List<String> jvmArgs;
    private final NodeSide node;
    private final String bucket;
    private final Path fsRoot;
    private final int repetitions;
    private final Map<String, List<Double>> samples = new LinkedHashMap<>();
    private String jarredClassPath;

    /**
     * @param jvmArgs the {@code -D} settings of {@link BenchEnv} for the child JVMs
     * @param node Alchemy's side, or {@code null} when Node cannot run it
     * @param bucket the seeded bucket
     * @param fsRoot the seeded FileSystem root (Alchemy's {@code set} reads its document there)
     * @param repetitions fresh processes per side and workload
     */
    FreshRuns(List<String> jvmArgs, NodeSide node, String bucket, Path fsRoot, int repetitions) {
        this.jvmArgs = jvmArgs;
        this.node = node;
        this.bucket = bucket;
        this.fsRoot = fsRoot;
        this.repetitions = repetitions;
    }

    /**
     * Times one workload's first call on the in-memory endpoint at 20 ms.
     *
     * @param workload {@code get}, {@code set}, {@code getBatch}, {@code all} or {@code list}
     * @param concurrency our {@code maxConcurrency} and the raw loop's threads and connections
     * @param alchemy whether to time Alchemy too (its concurrency is its own: 50 sockets)
     * @param endpoint the endpoint Alchemy reaches ({@code mem20}'s URI)
     */
    void run(String workload, int concurrency, boolean alchemy, URI endpoint) throws IOException,
            InterruptedException {
        if (!Files.exists(CLI_ARCHIVE)) {
            jvm("archive", "all", concurrency);
        }
        for (int i = 0; i < repetitions; i++) {
            for (String side : alchemy ? List.of("ours", "raw", "ours-cli") : List.of("ours", "raw")) {
                keep("fresh." + side + "." + workload + "@" + concurrency, jvm(side, workload, concurrency));
            }
            if (alchemy && node != null) {
                JsonNode result = node.fresh(workload, endpoint, bucket, fsRoot);
                if (result != null) {
                    keep("fresh.alchemy." + workload, result);
                }
            }
        }
    }

    private JsonNode jvm(String side, String workload, int concurrency) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(jvmArgs);
        String classPath = libraryClassPath();
        if (side.equals("archive") || side.equals("ours-cli")) {
            if (jarredClassPath == null) {
                jarredClassPath = JarredClassPath.of(classPath, CLI_ARCHIVE.resolveSibling("fresh-cli-classes"));
            }
            classPath = jarredClassPath;
            options.addAll(side.equals("archive")
                    ? List.of("-XX:ArchiveClassesAtExit=" + CLI_ARCHIVE, "-Xlog:cds=error")
                    : List.of("-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=" + CLI_ARCHIVE));
        }
        return child(options, classPath, FirstCall.class, side.equals("raw") ? "raw" : "ours", workload, "mem20",
                String.valueOf(concurrency));
    }

    /**
     * Runs a main class in a JVM of its own and reads the last line it prints that starts with {@code {}.
     *
     * @param options JVM options
     * @param classPath its class path
     * @param main the class
     * @param args its arguments
     * @return that line, as JSON
     */
    static JsonNode child(List<String> options, String classPath, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", classPath, main.getName()));
        command.addAll(List.of(args));
        String what = main.getSimpleName() + " " + String.join(" ", args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("the JVM of " + what + " failed: " + output);
        }
        String result = output.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("the JVM of " + what + " printed no result: " + output));
        output.lines().filter(line -> !line.startsWith("{")).forEach(System.out::println);
        return new ObjectMapper().readTree(result);
    }

    /**
     * The class path of a program that uses the library: the benchmark classes, the library's classes and its
     * runtime dependencies ({@code target/runtime-classpath.txt}), without the test suite's (S3Proxy and its
     * servers, JMH, Logback), whose jars a fresh JVM would otherwise open and search. With no slf4j binding, the
     * library logs nothing.
     */
    static String libraryClassPath() throws IOException {
        return String.join(File.pathSeparator, Path.of("target", "bench-classes").toAbsolutePath().toString(),
                Path.of("target", "classes").toAbsolutePath().toString(),
                Files.readString(Path.of("target", "runtime-classpath.txt")).strip());
    }

    private void keep(String name, JsonNode result) {
        for (String figure : FIGURES) {
            samples.computeIfAbsent(name + "." + figure, k -> new ArrayList<>()).add(result.get(figure).asDouble());
        }
        samples.computeIfAbsent(name + ".total", k -> new ArrayList<>())
                .add(result.get("open").asDouble() + result.get("first").asDouble());
        System.out.printf("Fresh %s: open %.0f ms, first call %.0f ms%n", name, result.get("open").asDouble(),
                result.get("first").asDouble());
    }

    /** {@return the median of every figure, in milliseconds} */
    Map<String, Double> medians() {
        Map<String, Double> medians = new LinkedHashMap<>();
        samples.forEach((name, values) -> medians.put(name, median(values)));
        return medians;
    }

    /** {@return every sample of every figure, in milliseconds, in the order taken} */
    Map<String, List<Double>> samples() {
        return samples;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
