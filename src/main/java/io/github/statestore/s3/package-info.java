/**
 * The S3 store, for Amazon S3 and S3-compatible servers: one object per key at
 * {@code <prefix><scope names joined by "/">/<encoded key>} ({@code alchemy/} is the default prefix),
 * {@code Content-Type: application/json}, Alchemy's layout, so that Alchemy and Java programs can share one
 * bucket. It is also what the R2 store ({@link io.github.statestore.r2}) runs on.
 *
 * <p>The entry point is {@link io.github.statestore.s3.S3Config}, built with
 * {@link io.github.statestore.s3.S3Config#builder()} or read from an {@code s3://bucket/prefix/?…} URL by
 * {@link io.github.statestore.s3.S3Config#fromUrl}. Its settings use the other public types here:
 * {@link io.github.statestore.s3.S3Credentials} (the AWS default chain, a profile or static keys),
 * {@link io.github.statestore.s3.RetryPolicy} with its {@link io.github.statestore.s3.Backoff}, and
 * {@link io.github.statestore.s3.ServerSideEncryption}. {@link io.github.statestore.s3.S3Provider} reads
 * {@code s3://} URLs for {@link io.github.statestore.StoreConfig#parse(String)}; it is registered in
 * {@code META-INF/services/io.github.statestore.spi.StoreProvider} like any third-party provider.
 *
 * <p>Everything else is package-private: the {@link io.github.statestore.spi.Backend}, and the one client
 * wrapper every request goes through, which retries transient failures as the {@code RetryPolicy} says
 * (exponential backoff with full jitter, within an overall deadline) and maps the final failure, in one
 * place, to this library's exceptions: those that name the bucket
 * ({@link io.github.statestore.BucketNotFoundException}, {@link io.github.statestore.AuthenticationException},
 * {@link io.github.statestore.AccessDeniedException}, {@link io.github.statestore.StoreUnavailableException}
 * and {@link io.github.statestore.ThrottledException}), else a {@link io.github.statestore.StorageException}.
 * Conditional writes use S3's
 * own {@code If-None-Match: *} and {@code If-Match}, each applied once and reported so, or reported as a
 * {@link io.github.statestore.ConflictException}, or, only when that cannot be known, as an
 * {@link io.github.statestore.OutcomeUnknownException}. Versions are the objects' ETags. Objects are
 * named as Alchemy names them: {@code <prefix><scope names joined by />/<encoded key>}.
 */
package io.github.statestore.s3;
