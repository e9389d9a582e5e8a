package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.statestore.s3.S3Server;
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
 * Runs the Node script {@code src/bench/node/alchemy-bench.mjs}, which times Alchemy 0.94.0's own stores on
 * the seeded data, and reads its medians. Not thread-safe.
 */
final class NodeSide {
    static final Path DIR = Path.of("src", "bench", "node");
    private static final long TIMEOUT_MINUTES = 15;

    private final boolean quick;
    private final Map<String, Double> medians = new LinkedHashMap<>();
    private String failure;

    /** @param quick few calls per workload */
    NodeSide(boolean quick) {
        this.quick = quick;
    }

    /**
     * @return why Alchemy cannot be measured here ({@code npm install} not run), or {@code null} if it can
     */
    static String unavailable() {
        return Files.isDirectory(DIR.resolve("node_modules/alchemy")) ? null
                : "Alchemy is not installed: run `npm ci --ignore-scripts` in " + DIR;
    }

    /**
     * Times one target; its medians are kept under names such as {@code s3-slow.getBatch}, and the process's
     * CPU time per call under {@code s3-slow.getBatch.cpu}. A failure is kept, not thrown, so that the Java
     * side still reports.
     *
     * @param target {@code s3-direct}, {@code s3-slow}, {@code s3-mem20} or {@code fs}
     * @param endpoint the S3 endpoint, or {@code null} for {@code fs}
     * @param bucket the seeded bucket
     * @param fsRoot the seeded FileSystem root
     */
    void run(String target, URI endpoint, String bucket, Path fsRoot) {
        run(target, endpoint, bucket, fsRoot, "", List.of());
    }

    /**
     * Times some workloads of one target, keeping their medians under names such as
     * {@code s3-mem20.getBatch<suffix>}.
     *
     * @param suffix tells repeated runs apart, or empty
     * @param workloads the workloads to time, or empty for all
     */
    void run(String target, URI endpoint, String bucket, Path fsRoot, String suffix, List<String> workloads) {
        List<String> args = new ArrayList<>(List.of(target));
        if (quick) {
            args.add("quick");
        }
        if (!workloads.isEmpty()) {
            args.add("only=" + String.join(",", workloads));
        }
        JsonNode results = node(args, endpoint, bucket, fsRoot);
        if (results == null) {
            return;
        }
        results.properties().forEach(e -> {
            medians.put(target + "." + e.getKey() + suffix, e.getValue().get("median").asDouble());
            if (e.getValue().has("cpu")) {
                medians.put(target + "." + e.getKey() + suffix + ".cpu", e.getValue().get("cpu").asDouble());
            }
            System.out.printf("Alchemy %s.%s: median %.3f ms%n", target, e.getKey(),
                    e.getValue().get("median").asDouble());
        });
    }

    /**
     * Times the first call of a fresh Node process on S3.
     *
     * @param workload {@code get}, {@code set}, {@code getBatch}, {@code all} or {@code list}
     * @return {@code open}, {@code first}, {@code uptime} and {@code cpu} in milliseconds, or {@code null} if
     *     it failed (the failure is kept)
     */
    JsonNode fresh(String workload, URI endpoint, String bucket, Path fsRoot) {
        return node(List.of("fresh", workload), endpoint, bucket, fsRoot);
    }

    /** Runs the script once; {@code null} if it failed, the failure kept. */
    private JsonNode node(List<String> args, URI endpoint, String bucket, Path fsRoot) {
        List<String> command = new ArrayList<>(List.of("node", "alchemy-bench.mjs"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = pb.environment();
        env.put("BENCH_BUCKET", bucket);
        env.put("BENCH_FS_ROOT", fsRoot.toAbsolutePath().toString());
        env.put("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        env.put("AWS_REGION", "us-east-1");
        if (endpoint != null) {
            env.put("AWS_ENDPOINT_URL_S3", endpoint.toString());
        }
        String what = "node " + String.join(" ", args);
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                fail(what + " failed (see its output above)");
                return null;
            }
            return new ObjectMapper().readTree(output.substring(output.lastIndexOf('\n') + 1));
        } catch (IOException e) {
            fail(what + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        return null;
    }

    private void fail(String why) {
        if (failure == null) {
            failure = why;
        }
    }

    /** @return the medians, in milliseconds */
    Map<String, Double> medians() {
        return medians;
    }

    /** @return the first failure, or {@code null} */
    String failure() {
        return failure;
    }
}
