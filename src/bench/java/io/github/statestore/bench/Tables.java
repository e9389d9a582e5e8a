package io.github.statestore.bench;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Which measurements make each row of the results table, and the issue's target for each. Stateless and
 * thread-safe.
 */
final class Tables {
    private Tables() {
    }

    /**
     * @param m JMH medians, milliseconds
     * @param a Alchemy medians, milliseconds
     * @param alloc bytes allocated per call
     * @param ideal the ideal {@code getBatch(1000)} time at 20 ms and the default concurrency
     * @return the table
     */
    static Report results(Map<String, Double> m, Map<String, Double> a, Map<String, Double> alloc, double ideal) {
        Report r = new Report(m, a);
        for (String[] e : new String[][] {{"direct", "s3-direct", "direct"}, {"slow", "s3-slow", "20 ms"}}) {
            String at = "@" + e[0];
            r.row("S3 `get`, 2 KB, " + e[2] + " (raw: GetObject + Jackson)", "S3SingleBench.rawGetParsed" + at,
                    "S3SingleBench.get" + at, e[1] + ".get", 1.10);
            r.row("S3 `get`, 2 KB, " + e[2] + " (raw: GetObject, bytes unparsed)", "S3SingleBench.rawGet" + at,
                    "S3SingleBench.get" + at, e[1] + ".get", 0);
            r.row("S3 `set`, 2 KB, " + e[2], "S3SingleBench.rawSet" + at, "S3SingleBench.set" + at, e[1] + ".set", 1.10);
        }
        int c = BenchEnv.DEFAULT_CONCURRENCY;
        r.row("S3 `getBatch(1000)`, direct (raw: SDK loop, " + c + " threads)", "S3BatchBench.rawGetBatch@direct",
                "S3BatchBench.getBatch@direct", "s3-direct.getBatch", 0);
        r.row("S3 `getBatch(1000)`, 20 ms (raw: SDK loop, " + c + " threads)", m.get("S3BatchBench.rawGetBatch@slow"),
                m.get("S3BatchBench.getBatch@slow"), a.get("s3-slow.getBatch"), 0, 3);
        r.row("S3 `getBatch(1000)`, 20 ms (raw: ideal 1000 × 20 ms ÷ " + c + ")", ideal,
                m.get("S3BatchBench.getBatch@slow"),
                null, 1.5, 0);
        r.row("S3 `all()` over 1,000, direct", "S3BatchBench.rawAll@direct", "S3BatchBench.all@direct",
                "s3-direct.all", 0);
        r.row("S3 `all()` over 1,000, 20 ms", "S3BatchBench.rawAll@slow", "S3BatchBench.all@slow", "s3-slow.all", 0);
        r.row("S3 `list()` over 10,000, direct", "S3ListBench.rawList@direct", "S3ListBench.list@direct",
                "s3-direct.list", 1.2);
        r.row("S3 `list()` over 10,000, 20 ms", "S3ListBench.rawList@slow", "S3ListBench.list@slow", "s3-slow.list",
                1.2);
        r.row("S3 `clear()` of 10,000, direct", "S3ClearBench.rawClear@direct", "S3ClearBench.clear@direct", null, 0);
        r.row("S3 `clear()` of 10,000, 20 ms", "S3ClearBench.rawClear@slow", "S3ClearBench.clear@slow", null, 0);
        r.row("FileSystem durable `set` (raw: temp file + fsync + rename)", "FileSystemBench.rawSet",
                "FileSystemBench.set", "fs.set", 1.2);
        r.row("FileSystem durable `set` (raw: the same + directory fsync)", "FileSystemBench.rawSetDirSync",
                "FileSystemBench.set", "fs.set", 0);
        r.row("FileSystem `get` (raw: read + Jackson)", m.get("FileSystemBench.rawGet"), m.get("FileSystemBench.get"),
                a.get("fs.get"), 0, 0);
        r.row("FileSystem `all()` over 1,000 (raw: read + Jackson)", m.get("FileSystemBench.rawAll"),
                m.get("FileSystemBench.all"), a.get("fs.all"), 0, 2);
        for (String op : new String[] {"get", "set", "getBatch", "all", "list"}) {
            String what = switch (op) {
                case "getBatch" -> "`getBatch(1000)`";
                case "all" -> "`all()` over 1,000";
                case "list" -> "`list()` over 10,000";
                default -> "`" + op + "`, 2 KB";
            };
            r.row("Memory " + what + " (in-process ceiling)", null, m.get("MemoryBench." + op), null, 0, 0);
        }
        return r.allocationRow("S3 `all()` over 10,000 × 2 KB: bytes allocated per call (raw: list + GetObject + "
                + "Jackson)", alloc.get("S3AllocBench.rawAll"), alloc.get("S3AllocBench.all"), 1.3);
    }

    /**
     * @return a Markdown table of what ours and the raw loop held during {@code all()} against what their
     *     results hold, with the target: ours holds no more than its result, read as at most 1.1 × it
     */
    static String held(HeapHeld.Measurement ours, HeapHeld.Measurement raw) {
        Double oursHeld = ours.heldOverResult();
        return "| `all()` over 10,000 | Result holds | Most held during the call | Held ÷ result | Full collections "
                + "| Target | Met |\n|---|---:|---:|---:|---:|---|---|\n"
                + heldRow("ours", ours, "held ≤ 1.1× result",
                        Report.verdict(oursHeld, oursHeld != null && oursHeld <= 1.1))
                + heldRow("raw: list + GetObject + Jackson", raw, "—", "—");
    }

    private static String heldRow(String who, HeapHeld.Measurement m, String target, String met) {
        return "| " + who + " | " + Report.mb((double) m.result()) + " | " + Report.mb((double) m.peak()) + " | "
                + Report.times(m.heldOverResult()) + " | " + m.collections() + " | " + target + " | " + met + " |\n";
    }

    /** @return a Markdown table of each series' time at each concurrency */
    static String concurrency(Map<String, SortedMap<Integer, Double>> series) {
        TreeSet<Integer> cs = new TreeSet<>();
        series.values().forEach(s -> cs.addAll(s.keySet()));
        StringBuilder md = new StringBuilder("| Concurrency |");
        series.keySet().forEach(name -> md.append(' ').append(name).append(" |"));
        md.append("\n|---:|").append("---:|".repeat(series.size())).append('\n');
        for (int c : cs) {
            md.append("| ").append(c).append(" |");
            series.values().forEach(s -> md.append(' ').append(Report.ms(s.get(c))).append(" |"));
            md.append('\n');
        }
        return md.toString();
    }
}
