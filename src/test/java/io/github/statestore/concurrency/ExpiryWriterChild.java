package io.github.statestore.concurrency;

import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Child-process main for {@link ExpiryAcrossProcessesIT}: opens the store a URL names (credentials from the
 * environment) and prints {@value ChildJvm#READY}. On {@code write} it writes {@value ExpiryAcrossProcessesIT#KEYS}
 * keys that expire in an hour and as many that expire soon, printing {@code expires <key> <epoch ms>} for each
 * as its store reads it back (or {@code expires <key> gone} if it had already expired), then {@code written}.
 * On {@code heartbeat} it writes one key again and again, every 15 ms with a 10 ms time to live (so that each
 * beat expires before the next) and a growing {@code seq}, last with an hour, then prints {@code done}.
 */
public final class ExpiryWriterChild {
    private ExpiryWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (StateStore store = StoreConfig.parse(args[0]).open(ExpiryAcrossProcessesIT.SCOPE)) {
            store.set("warm-up", HistoryWriterChild.state("warm-up", 0), Duration.ofHours(1));
            store.delete("warm-up");
            System.out.println(ChildJvm.READY);
            System.out.flush();
            for (String command; (command = parent.readLine()) != null; ) {
                if (command.equals("write")) {
                    write(store);
                } else if (command.equals("heartbeat")) {
                    heartbeat(store);
                }
                System.out.flush();
            }
        }
    }

    private static void write(StateStore store) {
        for (int i = 0; i < ExpiryAcrossProcessesIT.KEYS; i++) {
            written(store, "long/" + i, Duration.ofHours(1));
            written(store, "short/" + i, ExpiryAcrossProcessesIT.SHORT);
        }
        System.out.println("written");
    }

    private static void written(StateStore store, String key, Duration ttl) {
        store.set(key, HistoryWriterChild.state(key, 0), ttl);
        System.out.println("expires " + key + " " + store.expiresAt(key).map(i -> "" + i.toEpochMilli())
                .orElse("gone"));
    }

    private static void heartbeat(StateStore store) throws InterruptedException {
        for (int seq = 1; seq < ExpiryAcrossProcessesIT.BEATS; seq++) {
            store.set(ExpiryAcrossProcessesIT.HEARTBEAT, HistoryWriterChild.state("beat", seq),
                    Duration.ofMillis(10));
            Thread.sleep(15);
        }
        store.set(ExpiryAcrossProcessesIT.HEARTBEAT,
                HistoryWriterChild.state("beat", ExpiryAcrossProcessesIT.BEATS), Duration.ofHours(1));
        System.out.println("done");
    }
}
