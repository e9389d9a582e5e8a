/**
 * The in-memory store: the reference semantics, for tests. It behaves as every other store does (the same
 * conformance suite runs against it) and keeps documents as the same JSON bytes the other stores write.
 *
 * <p>The entry point is {@link io.github.statestore.memory.MemoryConfig} (or
 * {@link io.github.statestore.StoreConfig#memory()}): each config is a space of its own, shared by the stores
 * opened from it, for any scope, until the JVM exits. {@link io.github.statestore.memory.MemoryProvider} reads
 * the {@code memory:} URL (a new, empty space) for {@link io.github.statestore.StoreConfig#parse(String)}; it
 * is registered in {@code META-INF/services/io.github.statestore.spi.StoreProvider} like any third-party
 * provider. The {@link io.github.statestore.spi.Backend} itself is package-private: a map per scope, its
 * conditional writes atomic map operations.
 */
package io.github.statestore.memory;
