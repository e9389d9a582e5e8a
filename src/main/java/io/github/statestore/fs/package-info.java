/**
 * The FileSystem store, the embedded default: one directory per scope under a root ({@code .alchemy} unless
 * configured), one {@code <encoded key>.json} file per key, Alchemy's layout, so that Alchemy and Java
 * programs can share one state directory.
 *
 * <p>The entry point is {@link io.github.statestore.fs.FileSystemConfig} (built with
 * {@link io.github.statestore.fs.FileSystemConfig#builder()}, or by
 * {@link io.github.statestore.StoreConfig#fileSystem()} and
 * {@link io.github.statestore.StoreConfig#fileSystem(java.nio.file.Path)}).
 * {@link io.github.statestore.fs.FileSystemProvider} reads {@code file:} URLs for
 * {@link io.github.statestore.StoreConfig#parse(String)}; it is registered in
 * {@code META-INF/services/io.github.statestore.spi.StoreProvider} like any third-party provider.
 *
 * <p>Everything else is package-private: the {@link io.github.statestore.spi.Backend} that moves the bytes,
 * and what it stands on. Every write goes to a temp file that is flushed to disk and renamed over its target,
 * so a crash leaves the old document or the new one, never a torn one. Writes to one scope directory are
 * serialized across threads and processes by a lock on its {@code .statestore.lock} file, which makes a
 * conditional write's check and rename one step; readers take no lock. No symbolic link below the root is
 * followed and only regular files are read. Versions are digests of the bytes.
 * {@link io.github.statestore.fs.FileSystemConfig#file} says where a key's file lives, and
 * {@link io.github.statestore.key.NameStyle} how names are escaped.
 */
package io.github.statestore.fs;
