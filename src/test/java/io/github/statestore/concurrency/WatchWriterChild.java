package io.github.statestore.concurrency;

import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;

/**
 * Child-process main for {@link WatchAcrossProcessesIT}: opens the store a URL names (credentials come from
 * the environment), prints {@value ChildJvm#READY}, runs {@link WatchScript} and prints its lines.
 */
public final class WatchWriterChild {
    private WatchWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        try (StateStore store = StoreConfig.parse(args[0]).open(WatchScript.SCOPE)) {
            System.out.println(ChildJvm.READY);
            System.out.flush();
            WatchScript.run(store, System.out::println);
        }
    }
}
