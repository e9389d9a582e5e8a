package io.github.statestore.observation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.github.statestore.Lease;
import io.github.statestore.Scope;
import io.github.statestore.SecretException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.Await;
import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.internal.Operation;
import io.github.statestore.s3.CapturedLogs;
import io.github.statestore.secret.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the library logs, as {@code docs/observability.md} says: each operation at DEBUG with its key, location,
 * outcome and duration; nothing per operation above DEBUG; lease trouble at WARN; and never a password or a
 * secret's value, at any level, failures included.
 */
class OperationLogTest {
    private static final Scope SCOPE = Scope.of("app", "dev");
    private static final String PASSWORD = "hunter2-correct-horse";
    private static final String NEW_PASSWORD = "battery-staple-rotated";
    private static final String SECRET = "sk_live_never_logged_42";

    @TempDir
    Path dir;

    private FileSystemConfig config(String password) {
        return FileSystemConfig.builder().root(dir).password(password).build();
    }

    private static State withSecret() {
        return State.builder().status(State.Status.CREATED).kind("test::Thing").id("db").fqn("app/dev/db")
                .props(Map.of("apiKey", Secret.of(SECRET))).build();
    }

    @Test
    void eachOperationIsOneDebugLineWithItsKeyLocationOutcomeAndDuration() throws Exception {
        FileSystemConfig fs = config(PASSWORD);
        List<String> lines;
        try (CapturedLogs logs = new CapturedLogs(Level.DEBUG); StateStore store = fs.open(SCOPE)) {
            store.set("api/db", withSecret());
            store.get("api/db");
            store.list();
            lines = logs.messages("DEBUG " + Operation.LOGGER + " - ");
        }
        String file = fs.file(SCOPE, "api/db").toRealPath().toString();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("set \"api/db\" at \\Q" + file + "\\E: success in \\d+\\.\\d{3} ms, \\d+ bytes "
                + "written"), lines.get(0));
        assertTrue(lines.get(1).matches("get \"api/db\" at \\Q" + file + "\\E: success in \\d+\\.\\d{3} ms, \\d+ bytes "
                + "read"), lines.get(1));
        assertTrue(lines.get(2).matches("list in scope app/dev: success in \\d+\\.\\d{3} ms"), lines.get(2));
    }

    @Test
    void nothingIsLoggedPerOperationAboveDebug() {
        try (CapturedLogs logs = new CapturedLogs(Level.INFO); StateStore store = config(PASSWORD).open(SCOPE)) {
            store.set("api/db", withSecret());
            store.get("api/db");
            assertEquals(List.of(), logs.messages("DEBUG io.github.statestore"));
            assertEquals(List.of(), logs.messages("INFO io.github.statestore"));
        }
    }

    @Test
    void aLostLeaseIsAWarning() throws Exception {
        try (CapturedLogs logs = new CapturedLogs(Level.DEBUG); StateStore store = StoreConfig.memory().open(SCOPE)) {
            Lease lease = store.lock("deploy", Duration.ofMillis(300));
            store.forceUnlock("deploy");
            Await.until("the lease to be lost", Duration.ofSeconds(30), () -> !lease.isHeld());
            lease.close();
            assertEquals(List.of("Lost lock 'deploy' in scope app/dev: its entry was released or removed by someone "
                    + "else"), logs.messages("WARN io.github.statestore"));
        }
    }

    @Test
    void noPasswordNorSecretIsEverLogged() throws Exception {
        String logged;
        try (CapturedLogs logs = new CapturedLogs(Level.TRACE)) {
            try (StateStore store = config(PASSWORD).open(SCOPE)) {
                store.set("api/db", withSecret());
                store.update("api/db", current -> withSecret());
                store.getBatch(List.of("api/db", "absent"));
                try (Lease lease = store.lock("deploy", Duration.ofSeconds(5))) {
                    lease.set("api/db", withSecret());
                }
            }
            try (StateStore wrong = config("not-the-password").open(SCOPE)) {
                assertThrows(SecretException.class, () -> wrong.get("api/db"));
            }
            try (StateStore store = config(PASSWORD).open(SCOPE)) {
                assertEquals(1, store.rotateSecrets(PASSWORD, NEW_PASSWORD));
            }
            logged = String.join("\n", logs.lines());
        }
        assertTrue(logged.contains("SecretException"), "the failed read was not logged:\n" + logged);
        assertTrue(logged.lines().count() >= 10, "too little was logged to tell:\n" + logged);
        for (String secret : List.of(PASSWORD, NEW_PASSWORD, SECRET, "not-the-password")) {
            assertFalse(logged.contains(secret), secret + " was logged:\n" + logged);
        }
    }
}
