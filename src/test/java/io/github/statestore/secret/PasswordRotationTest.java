package io.github.statestore.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.SecretException;
import io.github.statestore.State;
import io.github.statestore.StateStore;
import io.github.statestore.fs.FileSystemConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rotation moves every secret of a scope to the new password, can be run again, and skips what it need not touch. */
class PasswordRotationTest {
    private static final Scope SCOPE = Scope.of("app", "dev");

    @TempDir
    Path dir;

    private StateStore open(String password) {
        return FileSystemConfig.builder().root(dir).password(password).build().open(SCOPE);
    }

    private static State withSecret(String id, String secret) {
        return State.builder().status(State.Status.CREATED).kind("k").id(id).fqn("app/dev/" + id)
                .props(Map.of("key", Secret.of(secret), "plain", "visible"))
                .output(Map.of("token", Secret.ofJson(Map.of("n", 1)))).build();
    }

    @Test
    void everySecretMovesToTheNewPasswordAndPlainEntriesAreLeftAlone() {
        try (StateStore old = open("old-pass")) {
            old.set("a", withSecret("a", "s1"));
            old.set("b", withSecret("b", "s2"));
            old.set("plain", State.builder().status(State.Status.CREATED).kind("k").id("plain").fqn("f").build());
            assertEquals(2, PasswordRotation.rotate(old, "old-pass", "new-pass"));
            assertThrows(SecretException.class, () -> old.get("a"));
        }
        try (StateStore rotated = open("new-pass")) {
            assertEquals(withSecret("a", "s1"), rotated.get("a").orElseThrow());
            assertEquals(withSecret("b", "s2"), rotated.get("b").orElseThrow());
            assertEquals(List.of("a", "b", "plain"), rotated.list());
            assertEquals(0, PasswordRotation.rotate(rotated, "old-pass", "new-pass"));
        }
    }

    @Test
    void anInterruptedRotationFinishesWhenRunAgain() {
        try (StateStore old = open("old-pass")) {
            old.set("a", withSecret("a", "s1"));
        }
        try (StateStore fresh = open("new-pass")) {
            fresh.set("b", withSecret("b", "s2"));
            assertEquals(1, PasswordRotation.rotate(fresh, "old-pass", "new-pass"));
            assertEquals(withSecret("a", "s1"), fresh.get("a").orElseThrow());
            assertEquals(withSecret("b", "s2"), fresh.get("b").orElseThrow());
        }
    }

    @Test
    void aSecretNeitherPasswordOpensStopsTheRotationNamingIt() {
        try (StateStore other = open("third-pass")) {
            other.set("a", withSecret("a", "s1"));
            SecretException e = assertThrows(SecretException.class,
                    () -> PasswordRotation.rotate(other, "old-pass", "new-pass"));
            assertEquals("a", e.getKey());
            assertThrows(InvalidConfigException.class, () -> PasswordRotation.rotate(other, "", "new-pass"));
        }
    }
}
