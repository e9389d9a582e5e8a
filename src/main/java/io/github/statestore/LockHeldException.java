package io.github.statestore;

import io.github.statestore.internal.Text;
import java.time.Instant;

/** Another holder has the lock: the message says who and until when. Immutable and thread-safe. */
public class LockHeldException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /** The lock's name. */
    private final String name;
    private final transient LeaseOwner holder;
    /** When the holder's lease expires unless renewed. */
    private final Instant until;

    /**
     * Creates the exception.
     *
     * @param name the lock's name
     * @param scope the scope it lives in
     * @param holder who holds it
     * @param until when the holder's lease expires unless renewed
     */
    public LockHeldException(String name, Scope scope, LeaseOwner holder, Instant until) {
        super("Lock " + Text.quote(name) + " in scope " + scope + " is held by " + holder + " until " + until, null,
                true);
        this.name = name;
        this.holder = holder;
        this.until = until;
    }

    /** {@return the lock's name} */
    public String getName() {
        return name;
    }

    /** {@return who holds the lock} */
    public LeaseOwner getHolder() {
        return holder;
    }

    /** {@return when the holder's lease expires unless renewed} */
    public Instant getUntil() {
        return until;
    }
}
