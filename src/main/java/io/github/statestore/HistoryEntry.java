package io.github.statestore;

import io.github.statestore.internal.Arguments;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One version of a key that a store's history keeps, as {@link StateStore#history} lists it: the version token
 * the document had while it was current, when a write or a delete replaced it, its size, and the state's
 * {@code status} and {@code seq}. Read the state itself with {@link StateStore#getAt}, write it back with
 * {@link StateStore#restore}. Immutable and thread-safe.
 */
public final class HistoryEntry {
    private final Version version;
    private final Instant replacedAt;
    private final long size;
    private final boolean deleted;
    private final State.Status status;
    private final long seq;

    /**
     * Creates an entry.
     *
     * @param version the version the document had while it was current
     * @param replacedAt when the write or delete that replaced it kept it, by the writer's clock
     * @param size the document's size in bytes
     * @param deleted whether a delete replaced it (rather than a write)
     * @param status the state's status, or {@code null} when the document holds no valid one
     * @param seq the state's {@code seq}; ignored when {@code status} is {@code null}
     * @throws InvalidArgumentException if {@code version} or {@code replacedAt} is null, or {@code size} negative
     */
    public HistoryEntry(Version version, Instant replacedAt, long size, boolean deleted, State.Status status,
            long seq) {
        this.version = Arguments.notNull(version, "version");
        this.replacedAt = Arguments.notNull(replacedAt, "replacedAt");
        if (size < 0) {
            throw new InvalidArgumentException("size", "must not be negative, was " + size);
        }
        this.size = size;
        this.deleted = deleted;
        this.status = status;
        this.seq = status == null ? 0 : seq;
    }

    /** {@return the version the document had while it was current, for {@link StateStore#getAt} and restores} */
    public Version version() {
        return version;
    }

    /** {@return when the write or delete that replaced this version kept it, by that writer's clock} */
    public Instant replacedAt() {
        return replacedAt;
    }

    /** {@return the document's size, in bytes} */
    public long size() {
        return size;
    }

    /** {@return whether a delete (or a {@code clear()}) replaced this version, rather than a write} */
    public boolean deleted() {
        return deleted;
    }

    /** {@return the state's status, or empty when the document holds no valid one (it is not a state)} */
    public Optional<State.Status> status() {
        return Optional.ofNullable(status);
    }

    /** {@return the state's {@code seq} (0 when it has none), or empty when {@link #status()} is} */
    public OptionalLong seq() {
        return status == null ? OptionalLong.empty() : OptionalLong.of(seq);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HistoryEntry e && e.version.equals(version) && e.replacedAt.equals(replacedAt)
                && e.size == size && e.deleted == deleted && e.status == status && e.seq == seq;
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, replacedAt, size, deleted, status, seq);
    }

    /** Such as {@code HistoryEntry{version="9e1…", replacedAt=2024-05-01T10:00:00Z, size=312, created, seq=3}}. */
    @Override
    public String toString() {
        return "HistoryEntry{version=" + version + ", replacedAt=" + replacedAt + ", size=" + size
                + (deleted ? ", deleted" : "") + (status == null ? ", no status" : ", " + status.json() + ", seq="
                + seq) + "}";
    }
}
