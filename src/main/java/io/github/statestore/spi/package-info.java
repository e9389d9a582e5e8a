/**
 * The backend SPI: what a third party implements to add a store, and nothing else.
 *
 * <ul>
 *   <li>{@link io.github.statestore.spi.Backend}: the byte-level contract for one scope (keys, reads,
 *       conditional writes and deletes, lock entries, batch delete, read concurrency, locations, and the
 *       versions and {@link io.github.statestore.spi.ChangeSignal} that change subscriptions use), with the
 *       {@link io.github.statestore.spi.Entry} it returns and the {@link io.github.statestore.spi.Conflicts}
 *       it throws;</li>
 *   <li>{@link io.github.statestore.spi.BackendStores}: turns a backend into a
 *       {@link io.github.statestore.StateStore}, for a config's {@code open};</li>
 *   <li>{@link io.github.statestore.spi.StoreProvider}: found with {@link java.util.ServiceLoader}, it reads
 *       the {@link io.github.statestore.spi.StoreUrl}s of one scheme into a config.</li>
 * </ul>
 *
 * The project's own FileSystem, in-memory, S3 and R2 stores plug in through these types like any other;
 * docs/backends.md walks through writing one.
 */
package io.github.statestore.spi;
