package io.github.statestore.secret;

import io.github.statestore.StateStore;
import io.github.statestore.internal.Arguments;

/**
 * Moves a scope's secrets from one password to another.
 *
 * <pre>{@code
 * try (StateStore store = StoreConfig.fromEnv().open(Scope.of("my-app", "prod"))) {
 *     int rewritten = PasswordRotation.rotate(store, oldPassword, newPassword);
 * }
 * }</pre>
 *
 * Entry by entry, each secret is decrypted with the old password and encrypted with the new one (fresh salt
 * and IV), and the entry is written back with a compare-and-set, so a concurrent writer is never
 * overwritten: on a conflict the entry is read and rotated again. Entries without secrets, and entries
 * already under the new password, are left alone, so a rotation that was interrupted can simply be run
 * again; until then every entry is readable with one of the two passwords. The store's own password does
 * not matter. Stateless and thread-safe.
 */
public final class PasswordRotation {
    private PasswordRotation() {
    }

    /**
     * Rotates every secret of the store's scope.
     *
     * @param store the store of the scope
     * @param oldPassword the password the secrets are under now
     * @param newPassword the password to put them under
     * @return how many entries were rewritten
     * @throws io.github.statestore.SecretException naming the key and path of a secret that neither password
     *     decrypts; entries before it are already rotated
     * @throws io.github.statestore.InvalidConfigException if a password is empty
     */
    public static int rotate(StateStore store, String oldPassword, String newPassword) {
        return Arguments.notNull(store, "store").rotateSecrets(oldPassword, newPassword);
    }
}
