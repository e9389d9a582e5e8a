package io.github.statestore.internal;

import io.github.statestore.ConflictException;
import io.github.statestore.CorruptStateException;
import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.spi.Backend;
import io.github.statestore.spi.Document;
import io.github.statestore.spi.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Copies one scope's documents from a store to another, byte for byte through their backends, so that
 * secrets keep their envelopes and no password is needed. The rule for each key: absent in the target, it is
 * created (compare-and-set: absent); equal bytes there, it is left alone; other bytes there, it is refused
 * unless overwriting, and then replaced only if the target still has the version read. Re-running a copy
 * therefore finishes an interrupted one and never applies anything twice. An expiring entry keeps its expiry
 * (expired ones are not copied); a target that keeps no expiry refuses it. Lock entries are not copied. Not
 * shared: one per scope copied.
 */
public final class Copier {
    private final boolean overwrite;
    private final boolean dryRun;
    private final boolean verify;
    private final int concurrency;
    private final Consumer<ScopeCopy.Progress> progress;
    private final AtomicLong done = new AtomicLong();
    private final Tally tally;

    /**
     * @param overwrite whether a target entry with other bytes is replaced
     * @param dryRun whether nothing is written, only counted
     * @param verify whether each key is read back from the target and compared
     * @param concurrency how many keys are copied at once
     * @param progress told after each key
     * @param tally where the outcome of every key is counted
     */
    public Copier(boolean overwrite, boolean dryRun, boolean verify, int concurrency,
            Consumer<ScopeCopy.Progress> progress, Tally tally) {
        this.overwrite = overwrite;
        this.dryRun = dryRun;
        this.verify = verify;
        this.concurrency = concurrency;
        this.progress = progress;
        this.tally = tally;
    }

    /**
     * Copies every key of one scope.
     *
     * @param from a store of the source, for the scope
     * @param to a store of the target, for the same scope
     */
    public void copy(StateStore from, StateStore to) {
        BackendStateStore source = backed(from);
        BackendStateStore target = backed(to);
        List<String> keys = new ArrayList<>(source.backend().keys());
        keys.sort(null);
        try (ParallelReads pool = new ParallelReads(concurrency)) {
            pool.map(keys, key -> {
                copyKey(source, target, key);
                progress.accept(new ScopeCopy.Progress(from.scope(), key, done.incrementAndGet(), keys.size()));
                return null;
            });
        }
    }

    private void copyKey(BackendStateStore source, BackendStateStore target, String key) {
        Document document = source.backend().readDocument(key);
        if (document != null) {
            place(source, target, key, document.bytes(), document.expiresAt());
        }
    }

    /**
     * Places one document in the target by the copy's rule, counting the outcome.
     *
     * @param source the store whose reader the bytes must satisfy (the source's, or the target's on import)
     * @param target a store of the target, for the document's scope
     * @param key the key
     * @param bytes the document
     */
    public void place(StateStore source, StateStore target, String key, byte[] bytes) {
        place(source, target, key, bytes, null);
    }

    /**
     * Places one document that expires, with its expiry: a target whose backend keeps no expiry refuses it.
     *
     * @param expiresAt when it expires, or {@code null} for never
     */
    private void place(StateStore source, StateStore target, String key, byte[] bytes, Instant expiresAt) {
        Scope scope = target.scope();
        Backend to = backed(target).backend();
        if (expiresAt != null && !to.keepsExpiry()) {
            tally.refuse(scope, key, "expires at " + expiresAt + " and the target keeps no expiry: copied, it "
                    + "would never expire");
            return;
        }
        try {
            backed(source).checkDocument(key, bytes);
        } catch (CorruptStateException e) {
            tally.refuse(scope, key, "does not read in the source: " + e.getMessage());
            return;
        }
        Entry current = to.readEntry(key);
        if (current != null && Arrays.equals(current.bytes(), bytes)
                && Objects.equals(current.expiresAt(), expiresAt)) {
            tally.unchanged.incrementAndGet();
            verify(to, scope, key, bytes);
            return;
        }
        if (current != null && !overwrite) {
            tally.refuse(scope, key, "exists in the target with other content; copy with overwrite to replace it");
            return;
        }
        if (!dryRun) {
            try {
                to.writeIf(key, bytes, current == null ? null : current.version(), expiresAt);
            } catch (ConflictException changed) {
                tally.refuse(scope, key, "changed in the target during the copy; copy again");
                return;
            }
        }
        (current == null ? tally.copied : tally.overwritten).incrementAndGet();
        verify(to, scope, key, bytes);
    }

    private void verify(Backend to, Scope scope, String key, byte[] bytes) {
        if (!verify || dryRun) {
            return;
        }
        byte[] stored = to.read(key);
        if (Arrays.equals(stored, bytes)) {
            tally.verified.incrementAndGet();
        } else {
            tally.refuse(scope, key, "reads back other bytes from the target than the source holds");
        }
    }

    static BackendStateStore backed(StateStore store) {
        if (store instanceof BackendStateStore backed) {
            return backed;
        }
        throw new StateStoreException("Cannot copy with " + store.getClass().getName()
                + ": only stores opened from a StoreConfig move documents byte for byte");
    }

    /** The outcomes of a whole copy, counted across scopes and threads. Thread-safe. */
    public static final class Tally {
        final AtomicLong copied = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong overwritten = new AtomicLong();
        final AtomicLong verified = new AtomicLong();
        private final List<ScopeCopy.Refused> refused = new ArrayList<>();

        synchronized void refuse(Scope scope, String key, String reason) {
            refused.add(new ScopeCopy.Refused(scope, key, reason));
        }

        /**
         * @param scopes the scopes copied
         * @param dryRun whether nothing was written
         * @return the report
         */
        public synchronized ScopeCopy.Report report(List<Scope> scopes, boolean dryRun) {
            return new ScopeCopy.Report(scopes, copied.get(), unchanged.get(), overwritten.get(), verified.get(),
                    List.copyOf(refused), dryRun);
        }
    }
}
