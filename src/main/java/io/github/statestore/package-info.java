/**
 * The API: what an application uses to keep the states of its resources, whatever the backend.
 *
 * <p>Pick a backend with a {@link io.github.statestore.StoreConfig}: {@link io.github.statestore.StoreConfig#fromEnv()}
 * (the URL in {@code STATESTORE_URL}, else the FileSystem store under {@code .alchemy}),
 * {@link io.github.statestore.StoreConfig#parse(String)} of a URL such as {@code s3://bucket/prefix/}, or a
 * backend's own config ({@link io.github.statestore.fs.FileSystemConfig}, {@link io.github.statestore.s3.S3Config},
 * {@link io.github.statestore.r2.R2Config}, {@link io.github.statestore.memory.MemoryConfig}). Open a
 * {@link io.github.statestore.StateStore} for one {@link io.github.statestore.Scope} with
 * {@link io.github.statestore.StateStores#open(StoreConfig, Scope)}; it reads and writes
 * {@link io.github.statestore.State}s by key. {@link io.github.statestore.Version} and
 * {@link io.github.statestore.VersionedState} serve compare-and-set, {@link io.github.statestore.Lease} and
 * {@link io.github.statestore.LeaseOwner} locks with fencing, {@link io.github.statestore.StateStore#watch
 * watch} ({@link io.github.statestore.WatchOptions}, {@link io.github.statestore.ChangeListener},
 * {@link io.github.statestore.ChangeEvent}, {@link io.github.statestore.Subscription}) change subscriptions,
 * and {@link io.github.statestore.TaggedValues} Alchemy's tagged values. Every error is a {@link io.github.statestore.StateStoreException}.
 *
 * <h2>Accessors</h2>
 *
 * Values and configs ({@link io.github.statestore.State}, {@link io.github.statestore.Scope}, the configs,
 * leases) name their accessors as records do: {@code id()}, {@code bucket()}. Exceptions name theirs as
 * {@link Throwable} does, {@code getMessage()} beside {@code getKey()}, {@code getBucket()},
 * {@code getCurrentVersion()}: one style per kind of type, each matching what its callers already use.
 *
 * <h2>The exception hierarchy</h2>
 *
 * The decisions below are part of the API; they bind this library's backends and third-party ones alike.
 *
 * <ul>
 *   <li><b>One unchecked root, not sealed.</b> {@link io.github.statestore.StateStoreException} extends
 *       {@link RuntimeException}, and every error of the library is one. It is not sealed, nor are its
 *       subclasses final. A sealed class may be extended only in its own package (its own module, when it is
 *       in a named one), so a backend shipped in another artifact could not add an exception type of its
 *       own, and the hierarchy must be free to grow as backends arrive. Sealing would buy callers nothing:
 *       the root is itself thrown (an interrupted wait, a store provider that cannot be loaded), so no
 *       {@code switch} over the hierarchy is exhaustive without a case for the root. Callers that retry go by
 *       {@link io.github.statestore.StateStoreException#retryable()}, which every backend sets, not by
 *       type.</li>
 *   <li><b>A backend throws only the types below</b> (or its own subclass of
 *       {@link io.github.statestore.StorageException}), mapping its storage's errors to them in one place.
 *       The store core wraps nothing a backend throws: any other exception reaches the caller as it is, and
 *       stops the background renewal of a lease, which retries only after a
 *       {@link io.github.statestore.StateStoreException}. A backend never subclasses
 *       {@link io.github.statestore.ConflictException}: {@link io.github.statestore.StateStore#update update} retries
 *       every one, so it must mean exactly "the condition did not hold".</li>
 *   <li><b>The others never come from a {@link io.github.statestore.spi.Backend}</b>, only from this
 *       package's types and the store core: the checks of the caller's arguments
 *       ({@link io.github.statestore.InvalidKeyException} for a key no backend can hold,
 *       {@link io.github.statestore.InvalidScopeException}, {@link io.github.statestore.InvalidArgumentException},
 *       {@link io.github.statestore.InvalidStateException}), {@link io.github.statestore.SecretException},
 *       {@link io.github.statestore.LockHeldException}, {@link io.github.statestore.FencedException} and
 *       {@link io.github.statestore.StoreClosedException}. {@link io.github.statestore.InvalidConfigException}
 *       comes from building a config (a backend's config included) and from reading a store URL (a
 *       provider's {@link io.github.statestore.spi.StoreUrl#fail StoreUrl.fail}); the store core throws it too for
 *       a lease's {@code ttl} or {@code maxWait} and an update's {@code maxAttempts}.</li>
 *   <li><b>The exceptions that name a bucket stay in this package.</b>
 *       {@link io.github.statestore.BucketNotFoundException}, {@link io.github.statestore.AuthenticationException},
 *       {@link io.github.statestore.AccessDeniedException}, and {@link io.github.statestore.StoreUnavailableException}
 *       with its {@link io.github.statestore.ThrottledException}, describe failures of any object store, not of
 *       S3's API: a bucket is the unit of every object store (S3, R2, S3-compatible servers, and the bucket or
 *       container of a Google Cloud Storage or Azure Blob backend), and a missing bucket, rejected credentials,
 *       a missing permission or an unreachable service are failures each of them has. They are typed by what
 *       went wrong, not by the backend that saw it, so callers catch them without depending on a backend's
 *       package, and the R2 store, which runs on the S3 store, throws the very same ones. A backend whose
 *       storage has no buckets (a file system, a database) does not throw them: it reports a failing or
 *       unreachable storage as a {@link io.github.statestore.StorageException} whose
 *       {@link io.github.statestore.StateStoreException#retryable()} says whether a later call may
 *       succeed.</li>
 * </ul>
 *
 * <table>
 *   <caption>What a backend may throw</caption>
 *   <tr><th>exception</th><th>from</th><th>when</th></tr>
 *   <tr><td>{@link io.github.statestore.ConflictException}, built by
 *       {@link io.github.statestore.spi.Conflicts#of Conflicts.of}</td>
 *       <td>{@code writeIf}, {@code writeLockIf}, {@code deleteIf}</td>
 *       <td>the entry is not as expected; nothing was written</td></tr>
 *   <tr><td>{@link io.github.statestore.OutcomeUnknownException}</td>
 *       <td>{@code writeIf}, {@code writeLockIf}, {@code deleteIf}</td>
 *       <td>the answer was lost and nothing tells whether the write landed (the S3 and R2 stores)</td></tr>
 *   <tr><td>{@link io.github.statestore.StorageException}, or a subclass of the backend's own</td>
 *       <td>any method</td>
 *       <td>any other failure of the storage, naming the operation, the key and
 *       {@link io.github.statestore.spi.Backend#locate locate} of it</td></tr>
 *   <tr><td>{@link io.github.statestore.CorruptStateException}</td>
 *       <td>any method that reads an entry, a conditional write's check included</td>
 *       <td>an entry the backend cannot read as a document (the FileSystem store: a link or a FIFO where a
 *       document belongs); the store core throws it too, for a document that is not a valid state</td></tr>
 *   <tr><td>{@link io.github.statestore.InvalidKeyException}</td>
 *       <td>{@link io.github.statestore.spi.Backend#checkKey checkKey} only</td>
 *       <td>a valid key this storage cannot hold (S3 and R2: an object key, prefix and scope included, over
 *       1,024 bytes)</td></tr>
 *   <tr><td>{@link io.github.statestore.StateStoreException} itself, {@code retryable()}</td>
 *       <td>any method that waits</td>
 *       <td>the thread was interrupted while waiting (the FileSystem store's scope lock, the S3 store's pause
 *       between retries); the interrupt flag is set again</td></tr>
 *   <tr><td>{@link io.github.statestore.BucketNotFoundException},
 *       {@link io.github.statestore.AuthenticationException}, {@link io.github.statestore.AccessDeniedException},
 *       {@link io.github.statestore.StoreUnavailableException}, {@link io.github.statestore.ThrottledException}</td>
 *       <td>any method</td>
 *       <td>object-store backends only (S3, R2): the bucket is missing, the credentials are rejected or lack a
 *       permission, or the service stayed unreachable or throttling through every retry</td></tr>
 * </table>
 */
package io.github.statestore;
