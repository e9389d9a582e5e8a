package io.github.statestore.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.statestore.InvalidStateException;
import io.github.statestore.Scope;
import io.github.statestore.SecretException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.internal.Passwords;
import io.github.statestore.secret.Secret;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Secrets through any backend: only envelopes stored, equal secrets read back, maps without a password. */
public abstract class SecretsContract {
    /** The scope every store of a test opens. */
    protected static final Scope SCOPE = Scope.of("app", "dev");
    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG_PASSWORD = "incorrect horse";
    private static final String API_KEY = "sk-live-0123456789-ünïcødé";
    private static final String DB_PASSWORD = "hunter2-db-password";
    private static final String TOKEN = "tok-json-secret-value";
    private static final String OLD_KEY = "sk-live-old-key-0000";

    private final List<StateStore> stores = new ArrayList<>();

    /**
     * Opens a store on this test's space.
     *
     * @param password the store's password, or {@code null} for none
     * @return a store at {@link #SCOPE}
     */
    protected abstract StateStore open(String password);

    /**
     * The bytes this test's space holds, as stored.
     *
     * @return every stored document, concatenated
     */
    protected abstract byte[] storedBytes() throws IOException;

    @AfterEach
    void closeStores() {
        stores.forEach(StateStore::close);
    }

    private StateStore store(String password) {
        StateStore store = open(password);
        stores.add(store);
        return store;
    }

    private StateStore storeWithoutPassword() {
        assumeTrue(Passwords.resolve(null, System.getenv()) == null, "STATESTORE_PASSWORD or ALCHEMY_PASSWORD "
                + "is set, so no store here is without a password");
        return store(null);
    }

    private static State withSecrets() {
        return State.builder().status(State.Status.CREATED).kind("test::Thing").id("a").fqn("app/dev/a")
                .data(Map.of("db", Map.of("password", Secret.of(DB_PASSWORD))))
                .props(Map.of("apiKey", Secret.of(API_KEY), "empty", Secret.of(""), "plain", "visible"))
                .output(Map.of("token", Secret.ofJson(Map.of("t", TOKEN, "n", List.of(1, 2)))))
                .oldProps(Map.of("keys", List.of(Secret.of(OLD_KEY))))
                .build();
    }

    private static State plain() {
        return State.builder().status(State.Status.CREATED).kind("test::Thing").id("b").fqn("app/dev/b")
                .props(Map.of("name", "b")).build();
    }

    @Test
    void secretsReadBackAsEqualSecretsThroughASecondStore() {
        State state = withSecrets();
        store(PASSWORD).set("a", state);
        store(PASSWORD).set("b", plain());
        StateStore reader = store(PASSWORD);
        assertEquals(state, reader.get("a").orElseThrow());
        assertEquals(state, reader.getVersioned("a").orElseThrow().state());
        assertEquals(Map.of("a", state, "b", plain()), reader.getBatch(List.of("b", "a")));
        assertEquals(Map.of("a", state, "b", plain()), reader.all());
        State updated = reader.update("a", 3, s -> s.orElseThrow().toBuilder().seq(2).build());
        assertEquals(state.toBuilder().seq(2).build(), updated);
        assertEquals(updated, store(PASSWORD).get("a").orElseThrow());
    }

    @Test
    void storedBytesHoldNoPlainValue() throws IOException {
        store(PASSWORD).set("a", withSecrets());
        String stored = new String(storedBytes(), StandardCharsets.UTF_8);
        assertEquals(5, stored.split("\"@secret\"", -1).length - 1, stored);
        for (String plain : List.of(API_KEY, DB_PASSWORD, TOKEN, OLD_KEY, PASSWORD)) {
            assertFalse(stored.contains(plain), plain);
        }
        assertTrue(stored.contains("\"visible\""), stored);
    }

    @Test
    void withoutAPasswordEnvelopesAreMapsThatCopyIntact() {
        store(PASSWORD).set("a", withSecrets());
        StateStore noPassword = storeWithoutPassword();
        State read = noPassword.get("a").orElseThrow();
        assertTrue(((Map<?, ?>) read.props().get("apiKey")).containsKey("@secret"), read.toJson());
        assertTrue(((Map<?, ?>) read.output().get("token")).containsKey("@secret"), read.toJson());
        assertEquals("visible", read.props().get("plain"));
        assertFalse(read.toJson().contains(API_KEY));
        noPassword.set("copy", read);
        assertEquals(List.of("a", "copy"), noPassword.list());
        assertEquals(withSecrets(), store(PASSWORD).get("copy").orElseThrow());
    }

    @Test
    void aWrongPasswordFailsNamingTheKey() {
        store(PASSWORD).set("a", withSecrets());
        store(PASSWORD).set("b", plain());
        StateStore wrong = store(WRONG_PASSWORD);
        for (Executable read : List.<Executable>of(() -> wrong.get("a"), () -> wrong.getVersioned("a"),
                () -> wrong.getBatch(List.of("b", "a")), wrong::all)) {
            SecretException e = assertThrows(SecretException.class, read);
            assertEquals("a", e.getKey());
            assertFalse(e.getMessage().contains(WRONG_PASSWORD) || e.getMessage().contains(API_KEY), e.getMessage());
        }
        assertEquals(List.of("a", "b"), wrong.list());
        assertEquals(2, wrong.count());
        assertEquals(plain(), wrong.get("b").orElseThrow());
    }

    @Test
    void writingASecretWithoutAPasswordWritesNothing() {
        StateStore noPassword = storeWithoutPassword();
        SecretException e = assertThrows(SecretException.class, () -> noPassword.set("a", withSecrets()));
        assertEquals("a", e.getKey());
        assertEquals(List.of(), noPassword.list());
    }

    @Test
    void aJsonSecretWhoseValueIsPastTheLimitsIsRefusedNamingTheKeyAndWritesNothing() {
        StateStore store = store(PASSWORD);
        store.set("a", withSecrets());
        Map<String, Object> tooLong = Map.of("n", BigInteger.TEN.pow(1_000));
        State refused = withSecrets().toBuilder().output(Map.of("token", Secret.ofJson(tooLong))).build();
        InvalidStateException e = assertThrows(InvalidStateException.class, () -> store.set("a", refused));
        assertEquals("a", e.getKey());
        assertEquals("Invalid state for key \"a\" at $.output.token: a secret whose value holds a number of 1001 "
                + "digits; the limit is 1000", e.getMessage());
        assertEquals(withSecrets(), store(PASSWORD).get("a").orElseThrow());
    }
}
