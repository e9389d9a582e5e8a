package io.github.statestore;

import io.github.statestore.internal.Archives;
import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.ScopeWalk;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A store, or a tree of its scopes, as one portable file and back: JSON Lines in UTF-8, a header line
 * {@code {"format":"statestore-archive","version":1}}, then one line per document,
 * {@code {"scope":"my-app/dev","key":"assets","document":"…"}} holding the document's exact text, so that an
 * import writes back the very bytes exported (secrets stay sealed; no password is needed either way). Both
 * directions stream: one document is held at a time. An import writes by {@link ScopeCopy}'s rule: created
 * when absent, left alone when equal, refused when the target holds other content unless overwriting.
 * Stateless and thread-safe.
 */
public final class StoreArchive {
    private StoreArchive() {
    }

    /**
     * Writes every scope of a store.
     *
     * @param source the store
     * @param out where the archive goes; flushed, not closed
     * @return {@code copied()} documents written; {@code refused()} those that do not read, left out
     * @throws StateStoreException if the source cannot list its scopes or be read
     */
    public static ScopeCopy.Report export(StoreConfig source, OutputStream out) {
        return Archives.export(Arguments.notNull(source, "source"), StateStores.scopes(source),
                Arguments.notNull(out, "out"));
    }

    /**
     * Writes a scope and every scope below it.
     *
     * @param source the store
     * @param tree the top scope
     * @param out where the archive goes; flushed, not closed
     * @return {@code copied()} documents written; {@code refused()} those that do not read, left out
     * @throws StateStoreException if the source cannot list its scopes or be read
     */
    public static ScopeCopy.Report export(StoreConfig source, Scope tree, OutputStream out) {
        List<Scope> scopes = ScopeWalk.tree(Arguments.notNull(source, "source"), Arguments.notNull(tree, "tree"));
        return Archives.export(source, scopes, Arguments.notNull(out, "out"));
    }

    /**
     * Reads an archive into a store.
     *
     * @param target the store
     * @param in the archive; read to its end, not closed
     * @param overwrite whether to replace target entries that hold other content
     * @return what was created ({@code copied()}), left alone, overwritten and refused
     * @throws StateStoreException naming the line, if the archive is not one this version reads; documents
     *     before it are written
     */
    public static ScopeCopy.Report importInto(StoreConfig target, InputStream in, boolean overwrite) {
        return Archives.importInto(Arguments.notNull(in, "in"), Arguments.notNull(target, "target"), overwrite);
    }
}
