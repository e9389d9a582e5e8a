package io.github.statestore;

/**
 * A fenced write ({@link Lease#set}) was refused: the lease is no longer held, or a holder with a larger
 * fencing token has written the key. Nothing was written. Immutable and thread-safe.
 */
public class FencedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** The refused lease's fencing token. */
    private final long token;

    /**
     * Creates the exception.
     *
     * @param key the key
     * @param lock the lock's name
     * @param token the refused lease's fencing token
     * @param reason why it was refused
     */
    public FencedException(String key, String lock, long token, String reason) {
        super(key, "fenced write under lock '" + lock + "' with token " + token + " refused: " + reason);
        this.token = token;
    }

    /** {@return the refused lease's fencing token} */
    public long getToken() {
        return token;
    }
}
