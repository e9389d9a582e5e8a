package com.example.modulepath;

import io.github.statestore.Scope;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.secret.Secret;
import java.util.Map;

/** Writes, reads back and deletes one state, with a secret, in the store each argument's URL names. */
public final class Main {
    private Main() {
    }

    public static void main(String[] urls) {
        for (String url : urls) {
            try (StateStore store = StoreConfig.parse(url).open(Scope.of("module-path", "dev"))) {
                store.init();
                State written = State.builder().status(State.Status.CREATED).kind("test::Thing").id("k")
                        .fqn("module-path/dev/k").props(Map.of("token", Secret.of("s3cr3t"))).build();
                store.set("k", written);
                State read = store.get("k").orElseThrow();
                String token = ((Secret) read.props().get("token")).reveal();
                store.update("k", current -> current.orElseThrow().toBuilder().seq(2).build());
                store.delete("k");
                System.out.println(url.substring(0, url.indexOf(':')) + " ok " + token + " " + store.list());
            }
        }
    }
}
