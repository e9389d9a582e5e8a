package io.github.statestore.cli;

import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.fs.ChildJvm;
import java.time.Duration;

/**
 * For {@link CliUnlockIT}: takes the lock {@code deploy} of {@code my-app/dev} with a five-minute lease in the
 * store its argument names, says {@link ChildJvm#READY}, and holds it until it is killed.
 */
public final class KilledHolder {
    private KilledHolder() {
    }

    /**
     * @param args the store URL
     */
    public static void main(String[] args) throws InterruptedException {
        StateStore store = StoreConfig.parse(args[0]).open(Scope.of("my-app", "dev"));
        store.lock("deploy", Duration.ofMinutes(5));
        System.out.println(ChildJvm.READY);
        Thread.sleep(Long.MAX_VALUE);
    }
}
