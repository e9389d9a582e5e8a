package io.github.statestore.examples;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;

/**
 * A child JVM's main for {@link ReadmeLocalS3IT}: what a newcomer's program does with the README's
 * {@code STATESTORE_URL}. Opens the store it names, writes one state and prints the scope's keys.
 */
public final class QuickStartChild {
    private QuickStartChild() {
    }

    /** @param args none */
    public static void main(String[] args) {
        try (StateStore store = StoreConfig.fromEnv().open(Scope.of("my-app", "dev"))) {
            store.set("assets", State.builder()
                    .status(State.Status.CREATED)
                    .kind("aws::Bucket").id("assets").fqn("my-app/dev/assets")
                    .build());
            System.out.println(store.list());
        }
    }
}
