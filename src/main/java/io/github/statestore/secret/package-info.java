/**
 * Secrets inside states, in Alchemy's {@code @secret} envelope (scrypt and AES-256-GCM), so that Alchemy and
 * Java programs read each other's secrets with the same password.
 *
 * <p>The entry points for applications are {@link io.github.statestore.secret.Secret}, a sensitive value
 * placed anywhere in a state's {@code data}, {@code props} or {@code output}, and
 * {@link io.github.statestore.secret.PasswordRotation}, which moves a scope's secrets from one password to
 * another. A store's password comes from its config, else {@code STATESTORE_PASSWORD}, else
 * {@code ALCHEMY_PASSWORD}; the store core seals and opens each state's secrets with it.
 * Secrets are sealed above the SPI: a {@link io.github.statestore.spi.Backend} receives a secret only in its
 * envelope, never in clear. Errors are {@link io.github.statestore.SecretException}s, which name the key and
 * the JSON path of the secret, never the secret or the password.
 */
package io.github.statestore.secret;
