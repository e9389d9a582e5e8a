package io.github.statestore.bench;

import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The tables of the in-memory endpoint at 20 ms ({@link MemoryS3Suite}): warm JVMs, first calls of fresh
 * processes, the client's CPU time, and {@code getBatch} against concurrency, with issue 16's targets.
 * Stateless and thread-safe.
 */
final class LatencyTables {
    /** Alchemy ÷ ours, warm: the target, and the least acceptable. */
    static final double WARM_TARGET = 4;
    static final double WARM_LEAST = 3;
    /** Alchemy ÷ ours, fresh process: the target, and the least acceptable. */
    static final double FRESH_TARGET = 1.5;
    static final double FRESH_LEAST = 1;
    /** Ours ÷ the ideal 1,000 × 20 ms ÷ concurrency, at most. */
    static final double IDEAL_TARGET = 1.5;

    private LatencyTables() {
    }

    /**
     * @param m JMH medians, milliseconds, by {@link JmhRuns} name
     * @param a Alchemy's medians, milliseconds, by {@link NodeSide} name
     * @return the warm table
     */
    static String warm(Map<String, Double> m, Map<String, Double> a) {
        int c = BenchEnv.DEFAULT_CONCURRENCY;
        double latency = BenchEnv.LATENCY.toMillis();
        double ideal = 1000 * latency / c;
        Report r = new Report(m, a);
        r.row("`get`, 2 KB (raw: GetObject + Jackson)", m.get("S3SingleBench.rawGetParsed@mem20"),
                m.get("S3SingleBench.get@mem20"), a.get("s3-mem20.get"), "—", "—");
        r.row("`set`, 2 KB (raw: PutObject)", m.get("S3SingleBench.rawSet@mem20"), m.get("S3SingleBench.set@mem20"),
                a.get("s3-mem20.set"), "—", "—");
        Double getBatch = m.get("S3BatchBench.getBatch@mem20");
        r.row("`getBatch(1000)` (raw: SDK loop, " + c + " threads)", m.get("S3BatchBench.rawGetBatch@mem20"), getBatch,
                a.get("s3-mem20.getBatch"), alchemyTarget(WARM_TARGET, WARM_LEAST),
                alchemyVerdict(a.get("s3-mem20.getBatch"), getBatch, WARM_TARGET, WARM_LEAST));
        r.row("`getBatch(1000)` (raw: ideal 1000 × 20 ms ÷ " + c + ")", ideal, getBatch, null, idealTarget(),
                idealVerdict(getBatch, ideal));
        Double all = m.get("S3BatchBench.all@mem20");
        r.row("`all()` over 1,000 (raw: list + SDK loop, " + c + " threads)", m.get("S3BatchBench.rawAll@mem20"), all,
                a.get("s3-mem20.all"), alchemyTarget(WARM_TARGET, WARM_LEAST),
                alchemyVerdict(a.get("s3-mem20.all"), all, WARM_TARGET, WARM_LEAST));
        r.row("`all()` over 1,000 (raw: ideal 20 ms + 1000 × 20 ms ÷ " + c + ")", latency + ideal, all, null,
                idealTarget(), idealVerdict(all, latency + ideal));
        r.row("`list()` over 10,000 (raw: 10 pages of ListObjectsV2)", m.get("S3ListBench.rawList@mem20"),
                m.get("S3ListBench.list@mem20"), a.get("s3-mem20.list"), "—", "—");
        r.row("`list()` over 10,000 (raw: ideal 10 × 20 ms, pages in turn)", 10 * latency,
                m.get("S3ListBench.list@mem20"), null, "—", "—");
        return r.markdown();
    }

    /**
     * @param f the medians of {@link FreshRuns}
     * @return the table of first calls in fresh processes, with the targets
     */
    static String fresh(Map<String, Double> f) {
        int c = BenchEnv.DEFAULT_CONCURRENCY;
        Report r = new Report(Map.of(), Map.of());
        for (String workload : new String[] {"get", "set", "getBatch", "all", "list"}) {
            Double ours = f.get("fresh.ours." + workload + "@" + c + ".first");
            Double alchemy = f.get("fresh.alchemy." + workload + ".first");
            boolean targeted = workload.equals("getBatch") || workload.equals("all");
            r.row(what(workload) + ", first call", f.get("fresh.raw." + workload + "@" + c + ".first"), ours, alchemy,
                    targeted ? alchemyTarget(FRESH_TARGET, FRESH_LEAST) : "—",
                    targeted ? alchemyVerdict(alchemy, ours, FRESH_TARGET, FRESH_LEAST) : "—");
        }
        for (String workload : new String[] {"getBatch", "all"}) {
            r.row(what(workload) + ", first call; ours with the command's JVM flags (C1 only, class-data sharing)",
                    null, f.get("fresh.ours-cli." + workload + "@" + c + ".first"),
                    f.get("fresh.alchemy." + workload + ".first"), "—", "—");
            for (String figure : new String[] {"open", "total", "uptime", "cpu"}) {
                String label = switch (figure) {
                    case "open" -> "open (from `main` or the script's start)";
                    case "total" -> "open + first call";
                    case "uptime" -> "process uptime when the first call returned";
                    default -> "process CPU time when the first call returned";
                };
                r.row(what(workload) + ": " + label, f.get("fresh.raw." + workload + "@" + c + "." + figure),
                        f.get("fresh.ours." + workload + "@" + c + "." + figure),
                        f.get("fresh.alchemy." + workload + "." + figure), "—", "—");
            }
        }
        return r.markdown();
    }

    /**
     * @param client {@link ClientCpu}'s medians, per 1,000 GETs
     * @param jmh the JMH forks' CPU per call, by {@link JmhRuns} name
     * @param a Alchemy's medians (CPU per call under {@code <name>.cpu})
     * @param serverMicros the endpoint's CPU time per request, microseconds
     * @return the table of client CPU time per 1,000 GETs
     */
    static String cpu(Map<String, Double> client, Map<String, Double> jmh, Map<String, Double> a,
            double serverMicros) {
        StringBuilder md = new StringBuilder("| Client process CPU time | Raw SDK | Ours | Alchemy 0.94.0 "
                + "| Ours ÷ Alchemy | Target | Met |\n|---|---:|---:|---:|---:|---|---|\n");
        Double batchOurs = client.get("oursBatch");
        Double batchAlchemy = a.get("s3-mem20.getBatch.cpu");
        Double ratio = Report.ratio(batchOurs, batchAlchemy);
        md.append(cpuRow("per 1,000 GETs: one `getBatch(1000)`, warm", client.get("rawBatch"), batchOurs,
                batchAlchemy, "ours ≤ Alchemy", Report.verdict(ratio, ratio != null && ratio <= 1)));
        md.append(cpuRow("… of which the JIT's compiler threads", client.get("rawBatchJit"),
                client.get("oursBatchJit"), null, "—", "—"));
        md.append(cpuRow("per 1,000 GETs: single `get`s in turn, warm", client.get("rawGet"), client.get("oursGet"),
                thousand(a.get("s3-mem20.get.cpu")), "—", "—"));
        md.append(cpuRow("… of which the JIT's compiler threads", client.get("rawGetJit"), client.get("oursGetJit"),
                null, "—", "—"));
        md.append(cpuRow("per `getBatch(1000)` in the JMH fork (its JIT not settled: context only)",
                jmh.get("S3BatchBench.rawGetBatch@mem20"), jmh.get("S3BatchBench.getBatch@mem20"), batchAlchemy,
                "—", "—"));
        md.append(String.format(Locale.ROOT, "%nThe endpoint's own thread spent %.1f µs of CPU per request over the "
                + "run (all requests, all clients).%n", serverMicros));
        return md.toString();
    }

    /** @return a Markdown table of each series' time at each concurrency */
    static String concurrency(Map<String, SortedMap<Integer, Double>> series) {
        return Tables.concurrency(series);
    }

    private static String cpuRow(String what, Double raw, Double ours, Double alchemy, String target, String met) {
        return "| " + what + " | " + Report.ms(raw) + " | " + Report.ms(ours) + " | " + Report.ms(alchemy) + " | "
                + Report.times(Report.ratio(ours, alchemy)) + " | " + target + " | " + met + " |\n";
    }

    private static Double thousand(Double perCall) {
        return perCall == null ? null : perCall * 1000;
    }

    private static String what(String workload) {
        return switch (workload) {
            case "getBatch" -> "`getBatch(1000)`";
            case "all" -> "`all()` over 1,000";
            case "list" -> "`list()` over 10,000";
            default -> "`" + workload + "`, 2 KB";
        };
    }

    private static String alchemyTarget(double target, double least) {
        return "Alchemy ≥ " + factor(target) + "× ours (least " + factor(least) + "×)";
    }

    private static String alchemyVerdict(Double alchemy, Double ours, double target, double least) {
        Double ratio = Report.ratio(alchemy, ours);
        if (ratio == null) {
            return "not measured";
        }
        return ratio >= target ? "**met**" : ratio >= least ? "**least met**" : "**missed**";
    }

    private static String idealTarget() {
        return "ours ≤ " + factor(IDEAL_TARGET) + "× ideal";
    }

    private static String idealVerdict(Double ours, double ideal) {
        Double ratio = Report.ratio(ours, ideal);
        return Report.verdict(ratio, ratio != null && ratio <= IDEAL_TARGET);
    }

    private static String factor(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
