package io.github.statestore.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.contract.SecretsContract;
import io.github.statestore.internal.BackendStateStore;
import io.github.statestore.secret.Secret;
import io.github.statestore.internal.SecretCodec;
import io.github.statestore.spi.Entry;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Test;

/** The secrets suite on the in-memory backend (stores sharing one space), and a config's password used. */
class MemorySecretsTest extends SecretsContract {
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Entry> locks = new ConcurrentHashMap<>();

    @Override
    protected StateStore open(String password) {
        return new BackendStateStore(SCOPE, new MemoryBackend(SCOPE, entries, locks,
                new ConcurrentHashMap<>(), new ScopeChanges()),
                SecretCodec.withPassword(password));
    }

    @Override
    protected byte[] storedBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        entries.values().forEach(entry -> all.writeBytes(entry.bytes()));
        return all.toByteArray();
    }

    @Test
    void aConfigsPasswordReachesItsStores() {
        MemoryConfig config = new MemoryConfig("memory password");
        State state = State.builder().status(State.Status.CREATED).kind("test::Thing").id("k").fqn("app/dev/k")
                .props(Map.of("apiKey", Secret.of("sk-memory"))).build();
        try (StateStore writer = config.open(SCOPE); StateStore reader = config.open(SCOPE)) {
            writer.set("k", state);
            assertEquals(state, reader.get("k").orElseThrow());
        }
    }
}
