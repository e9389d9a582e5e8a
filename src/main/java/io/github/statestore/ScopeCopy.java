package io.github.statestore;

import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.Copier;
import io.github.statestore.internal.ScopeWalk;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies a scope, or a tree of scopes, from any store to any other: a migration from the FileSystem store to
 * S3, a backup, a move between buckets.
 *
 * <pre>{@code
 * ScopeCopy.Report report = ScopeCopy.from(StoreConfig.fileSystem())
 *         .to(StoreConfig.parse("s3://my-state?region=eu-west-1"))
 *         .tree(Scope.of("my-app"))
 *         .run();
 * }</pre>
 *
 * Documents are copied byte for byte, through the backends: secrets keep their envelopes, and no password is
 * needed. For each key: absent in the target, it is created (only if still absent); with equal bytes there,
 * it is left alone; with other bytes there, it is refused (listed in the report) unless {@link
 * Builder#overwrite(boolean)}, and then replaced only if the target still has the version just read. So a
 * copy never clobbers a target entry silently, and running it again finishes an interrupted one without
 * writing anything twice. A source document that does not read is refused, not copied. Lock entries are not
 * copied. Immutable and thread-safe; each {@link #run()} copies again.
 */
public final class ScopeCopy {
    private final StoreConfig source;
    private final StoreConfig target;
    private final Scope scope;
    private final boolean tree;
    private final boolean overwrite;
    private final boolean dryRun;
    private final boolean verify;
    private final int concurrency;
    private final Consumer<Progress> progress;

    private ScopeCopy(Builder b) {
        this.source = b.source;
        this.target = b.target;
        this.scope = b.scope;
        this.tree = b.tree;
        this.overwrite = b.overwrite;
        this.dryRun = b.dryRun;
        this.verify = b.verify;
        this.concurrency = b.concurrency;
        this.progress = b.progress;
    }

    /**
     * Starts a copy.
     *
     * @param source the store to copy from
     * @return a builder
     * @throws InvalidArgumentException if {@code source} is null
     */
    public static Builder from(StoreConfig source) {
        return new Builder(Arguments.notNull(source, "source"));
    }

    /**
     * Copies.
     *
     * @return what was copied, left alone, overwritten, verified and refused
     * @throws StateStoreException if a store cannot be opened, listed, read or written (a key refused by the
     *     rule above is reported, not thrown); what was copied before stays, and running the copy again goes on
     */
    public Report run() {
        List<Scope> scopes = tree ? ScopeWalk.tree(source, scope) : List.of(scope);
        Copier.Tally tally = new Copier.Tally();
        for (Scope s : scopes) {
            try (StateStore from = source.open(s); StateStore to = target.open(s)) {
                new Copier(overwrite, dryRun, verify, concurrency, progress, tally).copy(from, to);
            }
        }
        return tally.report(List.copyOf(scopes), dryRun);
    }

    /**
     * One key done.
     *
     * @param scope the scope being copied
     * @param key the key just done
     * @param done how many keys of the scope are done
     * @param total how many keys the scope has
     */
    public record Progress(Scope scope, String key, long done, long total) {
    }

    /**
     * A key the copy did not write, and why.
     *
     * @param scope the scope
     * @param key the key
     * @param reason why, such as that the target holds other content
     */
    public record Refused(Scope scope, String key, String reason) {
    }

    /**
     * What a copy did.
     *
     * @param scopes the scopes copied, the first one the copy was asked for
     * @param copied keys created in the target (or, in a dry run, that would be)
     * @param unchanged keys the target already held with the same bytes
     * @param overwritten keys replaced in the target, with {@code overwrite} (or that would be)
     * @param verified keys read back from the target with the source's bytes
     * @param refused keys not written, with the reason
     * @param dryRun whether this was a dry run, which wrote nothing
     */
    public record Report(List<Scope> scopes, long copied, long unchanged, long overwritten, long verified,
            List<Refused> refused, boolean dryRun) {
    }

    /** Builds a {@link ScopeCopy}. Not thread-safe. */
    public static final class Builder {
        private static final int DEFAULT_CONCURRENCY = 8;

        private final StoreConfig source;
        private StoreConfig target;
        private Scope scope;
        private boolean tree;
        private boolean overwrite;
        private boolean dryRun;
        private boolean verify;
        private int concurrency = DEFAULT_CONCURRENCY;
        private Consumer<Progress> progress = p -> { };

        private Builder(StoreConfig source) {
            this.source = source;
        }

        /**
         * Sets the store to copy to; required.
         *
         * @param target the target
         * @return this builder
         */
        public Builder to(StoreConfig target) {
            this.target = Arguments.notNull(target, "target");
            return this;
        }

        /**
         * Copies one scope, not the scopes below it; this or {@link #tree} is required.
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(Scope scope) {
            this.scope = Arguments.notNull(scope, "scope");
            this.tree = false;
            return this;
        }

        /**
         * Copies a scope and every scope below it, as {@link StateStores#scopes(StoreConfig, Scope)} lists them
         * in the source.
         *
         * @param root the top scope of the tree
         * @return this builder
         */
        public Builder tree(Scope root) {
            this.scope = Arguments.notNull(root, "root");
            this.tree = true;
            return this;
        }

        /**
         * Replaces target entries whose bytes differ; off by default, when they are refused.
         *
         * @param overwrite whether to replace them
         * @return this builder
         */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /**
         * Counts what a copy would do without writing anything; off by default.
         *
         * @param dryRun whether to write nothing
         * @return this builder
         */
        public Builder dryRun(boolean dryRun) {
            this.dryRun = dryRun;
            return this;
        }

        /**
         * Reads each key back from the target after it is written (or found equal) and compares the bytes; off
         * by default.
         *
         * @param verify whether to read back
         * @return this builder
         */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /**
         * Sets how many keys are copied at once; 8 by default.
         *
         * @param concurrency from 1 to 256
         * @return this builder
         * @throws InvalidConfigException if out of range
         */
        public Builder concurrency(int concurrency) {
            if (concurrency < 1 || concurrency > 256) {
                throw new InvalidConfigException("concurrency", "must be from 1 to 256, was " + concurrency);
            }
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Sets what is told after each key, on the copying threads.
         *
         * @param progress the listener; it must be thread-safe and quick
         * @return this builder
         */
        public Builder progress(Consumer<Progress> progress) {
            this.progress = Arguments.notNull(progress, "progress");
            return this;
        }

        /**
         * Builds the copy and runs it, as {@code build().run()}.
         *
         * @return the report
         * @throws InvalidConfigException if the target or the scope was never set
         */
        public Report run() {
            return build().run();
        }

        /**
         * Builds the copy.
         *
         * @return the copy
         * @throws InvalidConfigException if the target or the scope was never set
         */
        public ScopeCopy build() {
            if (target == null) {
                throw new InvalidConfigException("target", "a copy needs a target store: call to(config)");
            }
            if (scope == null) {
                throw new InvalidConfigException("scope", "a copy needs a scope: call scope(...) or tree(...)");
            }
            return new ScopeCopy(this);
        }
    }
}
