package io.github.statestore.concurrency;

import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Child-process main for {@link CounterAcrossProcessesIT}: runs {@link Incrementers} on the store a URL
 * names, prints {@value ChildJvm#READY} once its first increment landed, then, when all are done, one line
 * with its number of update attempts, one with the counts its successful increments wrote, and one with its
 * number of increments of unknown outcome. Arguments: the store URL (credentials come from the environment),
 * threads, increments per thread. Also the child of {@code jdbc.JdbcCounterAcrossProcessesIT}.
 */
public final class CounterChild {
    private CounterChild() {
    }

    public static void main(String[] args) throws Exception {
        try (StateStore store = StoreConfig.parse(args[0]).open(Incrementers.SCOPE)) {
            Incrementers incrementers = Incrementers.start(store, Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]));
            incrementers.awaitFirstWrite();
            System.out.println(ChildJvm.READY);
            System.out.flush();
            List<Long> written = incrementers.join();
            System.out.println(incrementers.attempts());
            System.out.println(written.stream().map(String::valueOf).collect(Collectors.joining(" ")));
            System.out.println(incrementers.unknown());
        }
    }
}
