/**
 * How keys and scopes become names in storage: the rules written once for every store, so that Alchemy and
 * Java programs find each other's documents. Where the FileSystem and S3 stores put each scope, key and lock
 * entry (Alchemy's layouts) is their own, package-private business; a third-party backend receives keys
 * already validated and lays out its storage its own way.
 *
 * <ul>
 *   <li>{@link io.github.statestore.key.KeyCodec}: what a valid key is, and Alchemy's key encoding made
 *       reversible ({@code /} becomes {@code :}, after {@code %} and {@code :} are escaped). The store core
 *       validates every key with it before a backend sees the key.</li>
 *   <li>{@link io.github.statestore.key.NameStyle}: how encoded keys and scope names become file and
 *       directory names, as Linux and macOS allow them or as Windows does; a FileSystem store's setting
 *       ({@link io.github.statestore.fs.FileSystemConfig.Builder#nameStyle}).</li>
 * </ul>
 */
package io.github.statestore.key;
