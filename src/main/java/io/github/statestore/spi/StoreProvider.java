package io.github.statestore.spi;

import io.github.statestore.StoreConfig;

/**
 * Plugs a backend into {@link StoreConfig#parse} and {@code STATESTORE_URL}: it reads the store URLs of one
 * scheme into a {@link StoreConfig}. Providers are found with {@link java.util.ServiceLoader}: list the class
 * in {@code META-INF/services/io.github.statestore.spi.StoreProvider} (and, in a named module, declare
 * {@code provides io.github.statestore.spi.StoreProvider with …}). The FileSystem ({@code file}), in-memory
 * ({@code memory}), S3 ({@code s3}), R2 ({@code r2}) and JDBC ({@code jdbc}) stores are found this way
 * too.
 *
 * <p>Implementations must be public, have a public no-argument constructor, and be stateless and
 * thread-safe. Providers are loaded once, at the first URL parsed; two providers of one scheme make that
 * parse, and every later one, fail naming both classes.
 */
public interface StoreProvider {

    /**
     * The scheme this provider reads.
     *
     * @return the scheme in lower case, without its colon, such as {@code s3}
     */
    String scheme();

    /**
     * Reads a URL of this provider's scheme. Take every query parameter the backend knows with the
     * {@code take…} methods of {@code url}, then call {@link StoreUrl#finish()}, which refuses the others by
     * name; report bad values with {@link StoreUrl#fail} or {@link StoreUrl#failPart}.
     *
     * @param url the URL, its scheme this provider's
     * @return the config the URL describes; nothing is opened or connected yet
     * @throws io.github.statestore.InvalidConfigException naming the URL's setting when the URL is not valid
     */
    StoreConfig fromUrl(StoreUrl url);
}
