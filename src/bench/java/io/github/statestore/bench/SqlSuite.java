package io.github.statestore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL rows of the suite: the JDBC store on PostgreSQL and SQLite against raw JDBC, run by
 * {@link BenchSuite} with everything else, or alone with {@code -Dbench.args=sql} ({@code sql-quick}: one
 * short iteration each), which starts and seeds only the databases ({@link SqlDatabases}) and writes
 * {@code target/bench/sql-results.md}. Stateless and thread-safe.
 */
final class SqlSuite {
    /** The {@link BenchSuite} argument that runs only these rows; with {@code -quick}, one short iteration each. */
    static final String ONLY = "sql";
    private static final double TARGET = 1.2;

    private SqlSuite() {
    }

    /** {@return whether the suite's arguments ask for the SQL rows alone} */
    static boolean only(String[] args) {
        return args.length > 0 && (args[0].equals(ONLY) || args[0].equals(ONLY + "-quick"));
    }

    /** Runs the SQL benchmark classes, each in forked JVMs that {@code jmh} tells where the databases are. */
    static void run(JmhRuns jmh) throws Exception {
        jmh.run(JdbcSingleBench.class, false);
        jmh.run(JdbcSetBench.class, false);
        jmh.run(JdbcBatchBench.class, false);
    }

    /**
     * Runs the SQL rows alone and writes {@code target/bench/sql-results.md}.
     *
     * @param args {@code sql} or {@code sql-quick}
     */
    static void main(String[] args) throws Exception {
        boolean quick = args[0].endsWith("-quick");
        Path out = Path.of("target", "bench");
        String loadBefore = Machine.load();
        try (SqlDatabases databases = SqlDatabases.start(out)) {
            List<String> jvmArgs = new ArrayList<>();
            databases.properties().forEach((name, value) -> jvmArgs.add("-D" + name + "=" + value));
            JmhRuns jmh = new JmhRuns(jvmArgs, quick, out);
            run(jmh);
            StringBuilder md = new StringBuilder()
                    .append("Run: ").append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME))
                    .append(quick ? " (quick: one short iteration each, numbers only show that it runs)" : "")
                    .append("\n\nMachine: ").append(Machine.describe())
                    .append("\n\nLoad average (1, 5, 15 min) before: ").append(loadBefore)
                    .append("; after: ").append(Machine.load()).append("\n\n")
                    .append(table(jmh.medians()))
                    .append("\nEvery median (ms):\n\n");
            jmh.medians().forEach((k, v) -> md.append("- ").append(k).append(": ")
                    .append(String.format(Locale.ROOT, "%.4f", v)).append('\n'));
            Files.writeString(out.resolve("sql-results.md"), md, StandardCharsets.UTF_8);
            System.out.println("\n" + md + "\nWritten: " + out.resolve("sql-results.md"));
        }
        System.exit(0);
    }

    /** Adds the SQL table to the suite's {@code results.md}. */
    static void append(Path results, Map<String, Double> medians) throws IOException {
        Files.writeString(results, "\nSQL stores (JDBC store against raw JDBC):\n\n" + table(medians),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /**
     * @param m JMH medians, milliseconds
     * @return the Markdown table of the SQL rows: raw JDBC, ours, the ratio and the target
     */
    static String table(Map<String, Double> m) {
        StringBuilder md = new StringBuilder("| Workload | Raw JDBC | Ours | Ours ÷ raw | Target | Met |\n"
                + "|---|---:|---:|---:|---|---|\n");
        for (String[] db : new String[][] {{SqlEnv.POSTGRESQL, "PostgreSQL"}, {SqlEnv.SQLITE, "SQLite"}}) {
            String at = "@" + db[0];
            String noFlush = at + SqlEnv.NO_FLUSH;
            String name = db[1] + " ";
            row(md, name + "`get`, 2 KB (raw: SELECT + Jackson)", m.get("JdbcSingleBench.rawGetParsed" + at),
                    m.get("JdbcSingleBench.get" + at), TARGET);
            row(md, name + "`get`, 2 KB (raw: SELECT, bytes unparsed)", m.get("JdbcSingleBench.rawGet" + at),
                    m.get("JdbcSingleBench.get" + at), 0);
            row(md, name + "`set`, 2 KB, flushed commit (raw: Jackson writes + upsert)", m.get("JdbcSetBench.rawSet" + at),
                    m.get("JdbcSetBench.set" + at), TARGET);
            row(md, name + "`set`, 2 KB, flushed commit (raw: upsert of ready bytes)",
                    m.get("JdbcSetBench.rawSetBytes" + at), m.get("JdbcSetBench.set" + at), 0);
            row(md, name + "`set`, 2 KB, unflushed commit (raw: Jackson writes + upsert)",
                    m.get("JdbcSetBench.rawSet" + noFlush), m.get("JdbcSetBench.set" + noFlush), 0);
            row(md, name + "`set`, 2 KB, unflushed commit (raw: upsert of ready bytes)",
                    m.get("JdbcSetBench.rawSetBytes" + noFlush), m.get("JdbcSetBench.set" + noFlush), 0);
            row(md, name + "`getBatch(1000)` (raw: 2 IN queries + Jackson)", m.get("JdbcBatchBench.rawGetBatch" + at),
                    m.get("JdbcBatchBench.getBatch" + at), TARGET);
            row(md, name + "`all()` over 10,000 (raw: listing + 20 IN queries + Jackson)",
                    m.get("JdbcBatchBench.rawAll" + at), m.get("JdbcBatchBench.all" + at), TARGET);
            row(md, name + "`list()` over 10,000 (raw: listing query)", m.get("JdbcBatchBench.rawList" + at),
                    m.get("JdbcBatchBench.list" + at), TARGET);
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String workload, Double raw, Double ours, double target) {
        Double ratio = raw == null || ours == null || raw == 0 ? null : ours / raw;
        md.append("| ").append(workload).append(" | ").append(Report.ms(raw)).append(" | ").append(Report.ms(ours))
                .append(" | ").append(Report.times(ratio)).append(" | ")
                .append(target > 0 ? String.format(Locale.ROOT, "ours ≤ %.2f× raw", target) : "—").append(" | ")
                .append(target > 0 ? Report.verdict(ratio, ratio != null && ratio <= target) : "—").append(" |\n");
    }
}
