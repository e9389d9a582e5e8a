package io.github.statestore;

/** A call on a store after {@link StateStore#close()}. Immutable and thread-safe. */
public class StoreClosedException extends StateStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param scope the scope of the closed store
     */
    public StoreClosedException(Scope scope) {
        super("The store for scope " + scope + " is closed");
    }
}
