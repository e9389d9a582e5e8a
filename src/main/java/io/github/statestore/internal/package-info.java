/**
 * The store core and the helpers shared by the other packages. <b>Nothing in this package is API.</b> The
 * module {@code io.github.statestore} does not export it, and any of its types may change or disappear in any
 * release, a patch release included. Applications and backend authors must not depend on it: an application
 * needs only {@link io.github.statestore} and a backend's config, a backend only that and
 * {@link io.github.statestore.spi}. Its types are public only so that the library's other packages can use
 * them on the class path.
 *
 * <ul>
 *   <li>{@link io.github.statestore.internal.BackendStateStore}, the one
 *       {@link io.github.statestore.StateStore} implementation, which
 *       {@link io.github.statestore.spi.BackendStores#open} builds over a {@link io.github.statestore.spi.Backend}.
 *       Everything shared is done here once, above the SPI: it validates keys, writes and reads the JSON
 *       document ({@link io.github.statestore.internal.JsonText}, {@link io.github.statestore.internal.JsonParsing},
 *       {@link io.github.statestore.internal.JsonValues}, within {@link io.github.statestore.internal.JsonLimits}),
 *       seals and opens secrets, runs {@code getBatch} and {@code all} with the backend's read concurrency,
 *       retries {@code update}'s compare-and-set on conflict, takes, renews and fences leases, and rotates
 *       secrets for {@link io.github.statestore.secret.PasswordRotation}.</li>
 *   <li>{@link io.github.statestore.internal.StoreUrls}: reads a store URL with the
 *       {@link io.github.statestore.spi.StoreProvider} of its scheme, found with {@link java.util.ServiceLoader};
 *       no scheme is wired in.</li>
 *   <li>Helpers: {@link io.github.statestore.internal.Arguments} (null checks that throw this library's
 *       exceptions), {@link io.github.statestore.internal.Builders} (checks shared by config builders),
 *       {@link io.github.statestore.internal.Digests} (content versions for backends without ETags) and
 *       {@link io.github.statestore.internal.Text} (character checks and quoting for messages).</li>
 * </ul>
 */
package io.github.statestore.internal;
