package io.github.statestore.concurrency;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.Version;
import io.github.statestore.contract.ContractFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The writes of {@link WatchAcrossProcessesIT}: {@value #ROUNDS} rounds over {@value #KEYS} keys, each round
 * creating, updating or deleting every key with compare-and-set (so each change's version is known), with
 * short random pauses so that some changes are seen one by one and some coalesce; then one write of
 * {@value #SENTINEL}, the last. Each change is reported as a line {@code key<TAB>version}, {@code -} for a
 * deletion, in the order made. Not thread-safe: one writer runs it.
 */
public final class WatchScript {
    /** The scope written. */
    public static final Scope SCOPE = Scope.of("watch", "dev");
    /** The key written last, once every other change is made. */
    public static final String SENTINEL = "sentinel";
    /** How many keys change. */
    static final int KEYS = 5;
    /** How many times each key changes. */
    static final int ROUNDS = 12;
    private static final String ABSENT = "-";

    private WatchScript() {
    }

    /**
     * Makes the changes.
     *
     * @param store the store to write
     * @param report told each change, as a line
     */
    public static void run(StateStore store, Consumer<String> report) throws InterruptedException {
        Random pauses = new Random(15);
        Map<String, Version> current = new HashMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (int k = 0; k < KEYS; k++) {
                String key = "key-" + k;
                Version was = current.get(key);
                Version now;
                if (round % 4 == 3) {
                    store.deleteIf(key, was);
                    now = null;
                } else if (was == null) {
                    now = store.create(key, ContractFixture.state(key + "-" + round));
                } else {
                    now = store.setIf(key, ContractFixture.state(key + "-" + round), was);
                }
                current.put(key, now);
                report.accept(key + "\t" + (now == null ? ABSENT : now.token()));
                Thread.sleep(pauses.nextInt(20));
            }
        }
        report.accept(SENTINEL + "\t" + store.create(SENTINEL, ContractFixture.state(SENTINEL)).token());
    }

    /**
     * Reads the lines back into each key's states, for {@code ChangeLog.assertCoalesced}.
     *
     * @param lines the lines {@link #run} reported
     * @return each key's versions in order, starting with {@code null} (absent when the watch began)
     */
    public static Map<String, List<Version>> states(List<String> lines) {
        Map<String, List<Version>> states = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\t", 2);
            List<Version> key = states.computeIfAbsent(parts[0], k -> {
                List<Version> start = new ArrayList<>();
                start.add(null);
                return start;
            });
            key.add(parts[1].equals(ABSENT) ? null : Version.of(parts[1]));
        }
        return states;
    }
}
