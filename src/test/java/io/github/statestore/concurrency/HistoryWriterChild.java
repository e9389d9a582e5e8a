package io.github.statestore.concurrency;

import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.ContractFixture;
import io.github.statestore.fs.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Child-process main for {@link HistoryAcrossProcessesIT}: opens the store a URL names (its history policy in
 * the URL, credentials from the environment), warms up on a key of its own, prints {@value ChildJvm#READY},
 * then, for each line its parent sends, overwrites one key with a plain {@code set} of a state whose id is
 * {@code child-0}, {@code child-1}, … and answers with a line once it is written.
 */
public final class HistoryWriterChild {
    private HistoryWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        int writes = Integer.parseInt(args[1]);
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (StateStore store = StoreConfig.parse(args[0]).open(HistoryAcrossProcessesIT.SCOPE)) {
            warmUp(store);
            System.out.println(ChildJvm.READY);
            System.out.flush();
            for (int i = 0; i < writes && parent.readLine() != null; i++) {
                store.set(HistoryAcrossProcessesIT.KEY, state("child-" + i, i));
                System.out.println("wrote child-" + i);
                System.out.flush();
            }
        }
    }

    /** Runs the store's code of a history-keeping write and read a few times, on a key of its own. */
    static void warmUp(StateStore store) {
        String key = HistoryAcrossProcessesIT.WARM_UP + "-" + ProcessHandle.current().pid();
        for (int i = 0; i < 20; i++) {
            store.set(key, state("warm-up", i));
            store.history(key);
        }
    }

    /** {@return a state whose id names its writer and write, and whose seq is the write's number} */
    static State state(String id, long seq) {
        return ContractFixture.state(id).toBuilder().seq(seq).build();
    }
}
