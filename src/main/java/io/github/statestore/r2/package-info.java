/**
 * The Cloudflare R2 store: the S3 store ({@link io.github.statestore.s3}) pointed at R2's endpoint for an
 * account, with region {@code auto}, path-style requests and request checksums only where required. Layout,
 * behaviour and exceptions are the S3 store's; this package holds no backend of its own.
 *
 * <p>The entry point is {@link io.github.statestore.r2.R2Config}, built with
 * {@link io.github.statestore.r2.R2Config#builder()} (account id, bucket and API token keys) or read from an
 * {@code r2://<account id>/<bucket>/<prefix>/} URL by {@link io.github.statestore.r2.R2Config#fromUrl}, which
 * takes the keys from {@code R2_ACCESS_KEY_ID} and {@code R2_SECRET_ACCESS_KEY}.
 * {@link io.github.statestore.r2.Jurisdiction} picks the endpoint (default, EU or FedRAMP).
 * {@link io.github.statestore.r2.R2Provider} reads {@code r2://} URLs for
 * {@link io.github.statestore.StoreConfig#parse(String)}; it is registered in
 * {@code META-INF/services/io.github.statestore.spi.StoreProvider} like any third-party provider.
 */
package io.github.statestore.r2;
