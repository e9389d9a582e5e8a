package io.github.statestore.fs;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.InvalidConfigException;
import io.github.statestore.Scope;
import io.github.statestore.StateStore;
import io.github.statestore.StorageException;
import io.github.statestore.StoreConfig;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.Builders;
import io.github.statestore.key.KeyCodec;
import io.github.statestore.key.NameStyle;
import io.github.statestore.spi.BackendStores;
import io.github.statestore.spi.ScopeDiscovery;
import io.github.statestore.spi.ScopeListing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The FileSystem backend, the embedded default: {@code <root>/<scope>/<encoded key>.json}, Alchemy's layout,
 * with atomic, durable writes.
 *
 * <pre>{@code
 * StoreConfig config = FileSystemConfig.builder().root(Path.of("state")).build();
 * }</pre>
 *
 * The built config reports its settings with {@link #root()}, {@link #nameStyle()} and {@link #history()}, and
 * the password only as {@link #hasPassword()}. Two configs with the same settings are {@link #equals equal},
 * whether built by the builder or read from a {@code file:} URL. Immutable and thread-safe; {@link #toString()}
 * never shows the password.
 */
public final class FileSystemConfig implements StoreConfig, ScopeDiscovery {
    /** The default root directory, {@code .alchemy}, resolved against the working directory. */
    public static final Path DEFAULT_ROOT = Path.of(".alchemy");

    private final Path root;
    private final NameStyle nameStyle;
    private final String password;
    private final HistoryPolicy history;

    private FileSystemConfig(Builder builder) {
        this.root = builder.root;
        this.nameStyle = builder.nameStyle;
        this.password = builder.password;
        this.history = builder.history;
    }

    /**
     * Starts a config with the defaults: root {@code .alchemy}, names styled for this operating system.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the root directory as given (relative paths resolve against the working directory)} */
    public Path root() {
        return root;
    }

    /** {@return how file names are escaped} */
    public NameStyle nameStyle() {
        return nameStyle;
    }

    /** {@return whether and how long stores keep the versions their writes replace} */
    public HistoryPolicy history() {
        return history;
    }

    /**
     * {@return whether a password was set on this config} Without one, a store takes
     * {@code STATESTORE_PASSWORD}, else {@code ALCHEMY_PASSWORD}, from the environment when it is opened. The
     * password itself is never returned.
     */
    public boolean hasPassword() {
        return password != null;
    }

    /**
     * Lists the directories below the root, whose real path is resolved here, as {@code open} does; a link is
     * neither a scope nor followed.
     *
     * @return the listing
     * @throws StorageException if the root cannot be resolved
     */
    @Override
    public ScopeListing openScopeListing() {
        return new FileSystemScopes(new FileLayout(realRoot(), nameStyle), nameStyle, atomicFiles());
    }

    /**
     * The directory a scope's documents live in, {@code <root>/<scope names as directories>}. Nothing is read
     * or created.
     *
     * @param scope the scope
     * @return the directory, under {@link #root()} as given
     * @throws io.github.statestore.InvalidArgumentException if {@code scope} is null
     */
    public Path scopeDirectory(Scope scope) {
        return new FileLayout(root, nameStyle).scopeDir(Arguments.notNull(scope, "scope"));
    }

    /**
     * The file a key's document lives in, as a store of this config writes it: {@code <encoded key>.json} in
     * {@link #scopeDirectory}, or, for a key whose name would be too long, a shortened name ending in
     * {@code %~<sha-256>.json} with a {@code .key} file beside it. Nothing is read or created.
     *
     * @param scope the scope
     * @param key the key
     * @return the file, under {@link #root()} as given
     * @throws io.github.statestore.InvalidKeyException if the key is invalid
     * @throws io.github.statestore.InvalidArgumentException if {@code scope} is null
     */
    public Path file(Scope scope, String key) {
        KeyCodec.validate(key);
        return scopeDirectory(scope).resolve(new FileLayout(root, nameStyle).fileName(key));
    }

    /**
     * Opens a store of {@code scope} under the root, which is resolved here, once, to its real path: the root
     * may be a symbolic link, but no entry below it may (see the FileSystem page of the documentation).
     *
     * @param scope the scope
     * @return a new store; close it when done
     * @throws StorageException if the root cannot be resolved, such as when a parent is not readable
     */
    @Override
    public StateStore open(Scope scope) {
        Arguments.notNull(scope, "scope");
        FileLayout layout = new FileLayout(realRoot(), nameStyle);
        return BackendStores.open(scope, new FileSystemBackend(layout, scope, atomicFiles(), ScopeLock.MAX_WAIT, true),
                password, history);
    }

    /**
     * Two configs are equal when their roots (as given, not resolved), name styles and passwords are: the
     * password is compared, never shown. {@link #hashCode()} leaves it out.
     */
    private static AtomicFiles atomicFiles() {
        return new AtomicFiles(NameStyle.ofPlatform() == NameStyle.POSIX);
    }

    private Path realRoot() {
        try {
            return ScopeDirectory.realRoot(root);
        } catch (IOException e) {
            throw new StorageException("open", null, root.toString(), e, false);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSystemConfig c && c.root.equals(root) && c.nameStyle == nameStyle
                && Objects.equals(c.password, password) && c.history.equals(history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, nameStyle, history);
    }

    /** Lists the settings, the password only as set or none. */
    @Override
    public String toString() {
        return "FileSystemConfig{root=" + root + ", nameStyle=" + nameStyle + ", password="
                + (password == null ? "none" : "set") + (history.enabled() ? ", history=" + history : "") + "}";
    }

    /** Builds a {@link FileSystemConfig}; each setter validates at once. Not thread-safe. */
    public static final class Builder {
        private Path root = DEFAULT_ROOT;
        private NameStyle nameStyle = NameStyle.ofPlatform();
        private String password;
        private HistoryPolicy history = HistoryPolicy.off();

        private Builder() {
        }

        /**
         * Sets the root directory of the store.
         *
         * @param root the root directory; relative paths resolve against the working directory
         * @return this builder
         * @throws InvalidConfigException if {@code root} is null or empty
         */
        public Builder root(Path root) {
            if (root == null || root.toString().isEmpty()) {
                throw new InvalidConfigException("root", "must be a non-empty path");
            }
            this.root = root;
            return this;
        }

        /**
         * Sets how file names are escaped.
         *
         * @param nameStyle how names are escaped; the default suits this operating system, and
         *     {@link NameStyle#WINDOWS} makes a folder that can be copied to Windows
         * @return this builder
         * @throws InvalidConfigException if null
         */
        public Builder nameStyle(NameStyle nameStyle) {
            if (nameStyle == null) {
                throw new InvalidConfigException("nameStyle", "must not be null");
            }
            this.nameStyle = nameStyle;
            return this;
        }

        /**
         * Sets the password of secrets.
         *
         * @param password encrypts and decrypts secrets; default: {@code STATESTORE_PASSWORD}, else
         *     {@code ALCHEMY_PASSWORD}, else none
         * @return this builder
         * @throws InvalidConfigException if empty
         */
        public Builder password(String password) {
            this.password = Builders.password(password);
            return this;
        }

        /**
         * Sets whether and how long stores keep the versions their writes replace, in the scope's
         * {@code %!history} folder (see the history page of the documentation).
         *
         * @param history the policy; default {@link HistoryPolicy#off()}
         * @return this builder
         * @throws InvalidConfigException naming {@code history} if null
         */
        public Builder history(HistoryPolicy history) {
            this.history = Builders.history(history);
            return this;
        }

        /** {@return the config} */
        public FileSystemConfig build() {
            return new FileSystemConfig(this);
        }
    }
}
