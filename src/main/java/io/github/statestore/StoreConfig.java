package io.github.statestore;

import io.github.statestore.fs.FileSystemConfig;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.StoreUrls;
import io.github.statestore.memory.MemoryConfig;
import java.nio.file.Path;
import java.util.Map;

/**
 * Picks a backend and its settings. Build one with the static factories here, a backend's own builder (such
 * as {@link FileSystemConfig#builder()}), or from a URL:
 *
 * <table>
 *   <caption>URLs</caption>
 *   <tr><th>URL</th><th>backend</th></tr>
 *   <tr><td>{@code file:.alchemy}</td><td>FileSystem, relative to the working directory</td></tr>
 *   <tr><td>{@code file:///abs/path}</td><td>FileSystem, absolute</td></tr>
 *   <tr><td>{@code memory:}</td><td>a new in-memory space</td></tr>
 *   <tr><td>{@code s3://bucket/prefix/?region=eu-west-1}</td><td>Amazon S3 or an S3-compatible server, see
 *       {@link io.github.statestore.s3.S3Config#fromUrl}</td></tr>
 *   <tr><td>{@code r2://account/bucket/prefix/}</td><td>Cloudflare R2, keys from {@code R2_ACCESS_KEY_ID} and
 *       {@code R2_SECRET_ACCESS_KEY}, see {@link io.github.statestore.r2.R2Config#fromUrl}</td></tr>
 * </table>
 *
 * Every URL may also say whether stores keep history ({@link HistoryPolicy}): {@code historyVersions=10} keeps
 * the newest 10 versions of each key, {@code historyFor=P30D} (or milliseconds) keeps each for 30 days, and
 * both together keep at most 10 for at most 30 days, as in {@code file:.alchemy?historyVersions=10} or
 * {@code memory:?historyFor=PT1H}.
 *
 * <p>Implementations are immutable (the memory space aside, which is its own shared state) and thread-safe.
 */
public interface StoreConfig {

    /**
     * Opens a store for one scope. Same as {@link StateStores#open(StoreConfig, Scope)}.
     *
     * @param scope the scope
     * @return a new store; close it when done
     */
    StateStore open(Scope scope);

    /**
     * The FileSystem default: {@code .alchemy} under the working directory.
     *
     * @return the config
     */
    static FileSystemConfig fileSystem() {
        return FileSystemConfig.builder().build();
    }

    /**
     * The FileSystem backend rooted at {@code root}.
     *
     * @param root the root directory; relative paths resolve against the working directory
     * @return the config
     * @throws InvalidConfigException if {@code root} is null or empty
     */
    static FileSystemConfig fileSystem(Path root) {
        return FileSystemConfig.builder().root(root).build();
    }

    /**
     * A new, empty in-memory space.
     *
     * @return the config
     */
    static MemoryConfig memory() {
        return new MemoryConfig();
    }

    /**
     * Reads a config from a URL: {@code file:<relative path>}, {@code file:///<absolute path>},
     * {@code memory:}, {@code s3://…} or {@code r2://…} (see the table above).
     *
     * @param url the URL
     * @return the config
     * @throws InvalidConfigException naming the URL when it is malformed or its scheme unknown
     */
    static StoreConfig parse(String url) {
        return StoreUrls.parse(url, "url", System.getenv());
    }

    /**
     * Reads {@code STATESTORE_URL} from the environment; the FileSystem default when it is unset or empty.
     *
     * @return the config
     * @throws InvalidConfigException naming {@code STATESTORE_URL} when its value is malformed
     */
    static StoreConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads {@code STATESTORE_URL} from the given variables, as {@link #fromEnv()} does from the environment.
     * Only the URL comes from {@code env} (and, for {@code r2://}, the keys it names): a store's password is
     * still read from the process environment when the store is opened, as
     * {@link io.github.statestore.internal.Passwords} describes.
     *
     * @param env the variables
     * @return the config
     * @throws InvalidConfigException naming {@code STATESTORE_URL} when its value is malformed
     */
    static StoreConfig fromEnv(Map<String, String> env) {
        String url = Arguments.notNull(env, "env").get("STATESTORE_URL");
        return url == null || url.isBlank() ? fileSystem() : StoreUrls.parse(url.strip(), "STATESTORE_URL", env);
    }
}
