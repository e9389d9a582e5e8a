package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.SecretException;
import io.github.statestore.State;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Entry;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Re-encrypts a scope's secrets from one password to another, entry by entry, each written back with a
 * compare-and-set (re-read and redone on conflict). Entries without secrets, and entries already under the
 * new password, are left as they are, so an interrupted rotation can be run again, and until then every
 * entry is readable with one of the two passwords. An entry keeps its expiry. One per call; not shared.
 */
final class SecretRotation {
    private final Backend backend;
    private final BiFunction<String, byte[], State> parse;

    SecretRotation(Backend backend, BiFunction<String, byte[], State> parse) {
        this.backend = backend;
        this.parse = parse;
    }

    int rotate(List<String> keys, String from, String to) {
        SecretCodec before = SecretCodec.withPassword(Builders.password(from));
        SecretCodec after = SecretCodec.withPassword(Builders.password(to));
        int rewritten = 0;
        for (String key : keys) {
            rewritten += rotate(key, before, after) ? 1 : 0;
        }
        return rewritten;
    }

    private boolean rotate(String key, SecretCodec before, SecretCodec after) {
        while (true) {
            Entry entry = backend.readEntry(key);
            Operation.read(entry == null ? null : entry.bytes());
            State stored = entry == null ? null : parse.apply(key, entry.bytes());
            State opened = stored == null ? null : openEither(key, stored, before, after);
            if (opened == null || opened == stored) {
                return false;
            }
            try {
                byte[] document = after.seal(key, opened).toJsonBytes();
                Operation.written(document);
                backend.writeIf(key, document, entry.version(), entry.expiresAt());
                return true;
            } catch (ConflictException changed) {
                continue;
            }
        }
    }

    /** Opens with the old password; {@code null} when the entry is already under the new one. */
    private static State openEither(String key, State stored, SecretCodec before, SecretCodec after) {
        try {
            return before.open(key, stored);
        } catch (SecretException notOld) {
            try {
                after.open(key, stored);
                return null;
            } catch (SecretException neither) {
                throw notOld;
            }
        }
    }
}
