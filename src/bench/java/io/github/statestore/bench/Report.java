package io.github.statestore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results table of {@code docs/performance.md}, as Markdown: each workload's raw baseline, our store and
 * Alchemy side by side, the ratios, and whether the targets are met. Not thread-safe.
 */
final class Report {
    private final Map<String, Double> jmh;
    private final Map<String, Double> alchemy;
    private final List<String> rows = new ArrayList<>();

    /**
     * @param jmh medians of the JMH benchmarks, milliseconds, by {@link JmhRuns} name
     * @param alchemy medians of the Node side, milliseconds, by {@link NodeSide} name
     */
    Report(Map<String, Double> jmh, Map<String, Double> alchemy) {
        this.jmh = jmh;
        this.alchemy = alchemy;
    }

    /** A workload with a raw baseline; {@code maxOursOverRaw} is its target, or 0 for none. */
    Report row(String workload, String raw, String ours, String alchemyKey, double maxOursOverRaw) {
        return row(workload, jmh.get(raw), jmh.get(ours), alchemy.get(alchemyKey), maxOursOverRaw, 0);
    }

    /**
     * A workload with explicit numbers.
     *
     * @param maxOursOverRaw the target for ours ÷ raw, or 0 for none
     * @param minAlchemyOverOurs the target for Alchemy ÷ ours, or 0 for none
     */
    Report row(String workload, Double raw, Double ours, Double alchemyMs, double maxOursOverRaw,
            double minAlchemyOverOurs) {
        Double oursOverRaw = ratio(ours, raw);
        Double alchemyOverOurs = ratio(alchemyMs, ours);
        List<String> targets = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        if (maxOursOverRaw > 0) {
            targets.add(String.format(Locale.ROOT, "ours ≤ %.2f× raw", maxOursOverRaw));
            verdicts.add(verdict(oursOverRaw, oursOverRaw != null && oursOverRaw <= maxOursOverRaw));
        }
        if (minAlchemyOverOurs > 0) {
            targets.add(String.format(Locale.ROOT, "Alchemy ≥ %.0f× ours", minAlchemyOverOurs));
            verdicts.add(verdict(alchemyOverOurs, alchemyOverOurs != null && alchemyOverOurs >= minAlchemyOverOurs));
        }
        rows.add("| " + workload + " | " + ms(raw) + " | " + ms(ours) + " | " + ms(alchemyMs) + " | "
                + times(oursOverRaw) + " | " + times(alchemyOverOurs) + " | "
                + (targets.isEmpty() ? "—" : String.join("; ", targets)) + " | "
                + (verdicts.isEmpty() ? "—" : String.join("; ", verdicts)) + " |");
        return this;
    }

    /**
     * A workload with explicit numbers and a target the caller states and judges.
     *
     * @param target the target, or {@code —}
     * @param met the verdict, or {@code —}
     */
    Report row(String workload, Double raw, Double ours, Double alchemyMs, String target, String met) {
        rows.add("| " + workload + " | " + ms(raw) + " | " + ms(ours) + " | " + ms(alchemyMs) + " | "
                + times(ratio(ours, raw)) + " | " + times(ratio(alchemyMs, ours)) + " | " + target + " | " + met
                + " |");
        return this;
    }

    /** A row of bytes allocated per call rather than times. */
    Report allocationRow(String workload, Double raw, Double ours, double maxOursOverRaw) {
        Double r = ratio(ours, raw);
        rows.add("| " + workload + " | " + mb(raw) + " | " + mb(ours) + " | — | " + times(r) + " | — | "
                + String.format(Locale.ROOT, "ours ≤ %.1f× raw", maxOursOverRaw) + " | "
                + verdict(r, r != null && r <= maxOursOverRaw) + " |");
        return this;
    }

    /** @return the table */
    String markdown() {
        return "| Workload | Raw baseline | Ours | Alchemy 0.94.0 | Ours ÷ raw | Alchemy ÷ ours | Target | Met |\n"
                + "|---|---:|---:|---:|---:|---:|---|---|\n" + String.join("\n", rows) + "\n";
    }

    static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }

    static String verdict(Double ratio, boolean met) {
        return ratio == null ? "not measured" : met ? "**met**" : "**missed**";
    }

    static String ms(Double v) {
        if (v == null) {
            return "—";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f ms", v)
                : v >= 1 ? String.format(Locale.ROOT, "%.2f ms", v)
                : String.format(Locale.ROOT, "%.1f µs", v * 1000);
    }

    static String mb(Double bytes) {
        return bytes == null ? "—" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String times(Double v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%.2f×", v);
    }
}
