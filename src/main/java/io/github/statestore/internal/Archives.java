package io.github.statestore.internal;

import io.github.statestore.InvalidScopeException;
import io.github.statestore.Scope;
import io.github.statestore.ScopeCopy;
import io.github.statestore.StateStore;
import io.github.statestore.StateStoreException;
import io.github.statestore.StoreConfig;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Export and import in the statestore archive format, streaming: JSON Lines, UTF-8. The first line is
 * {@code {"format":"statestore-archive","version":1}}; then one line per document,
 * {@code {"scope":"my-app/dev","key":"assets","document":"<the document's exact text>"}}, so that an import
 * writes back exactly the bytes exported. One document is held at a time. Stateless and thread-safe.
 */
public final class Archives {
    /** The value of the header's {@code format}. */
    public static final String FORMAT = "statestore-archive";
    /** The version of the format this code writes and reads. */
    public static final int VERSION = 1;

    private Archives() {
    }

    /**
     * Writes the documents of some scopes.
     *
     * @param source the store to read
     * @param scopes the scopes, in the order to write them
     * @param out where the archive goes; flushed, not closed
     * @return how many documents were written, and those refused because they do not read
     */
    public static ScopeCopy.Report export(StoreConfig source, List<Scope> scopes, OutputStream out) {
        return export(source, scopes, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)),
                p -> { });
    }

    /**
     * Writes the documents of some scopes, as text.
     *
     * @param source the store to read
     * @param scopes the scopes, in the order to write them
     * @param writer where the archive's text goes; flushed, not closed
     * @param progress told after each document
     * @return how many documents were written, and those refused because they do not read
     */
    public static ScopeCopy.Report export(StoreConfig source, List<Scope> scopes, Writer writer,
            Consumer<ScopeCopy.Progress> progress) {
        Copier.Tally tally = new Copier.Tally();
        try {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("format", FORMAT);
            header.put("version", VERSION);
            writer.write(JsonText.writeCompact(header) + "\n");
            for (Scope scope : scopes) {
                try (StateStore store = source.open(scope)) {
                    exportScope(Copier.backed(store), writer, tally, progress);
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the archive", e);
        }
        return tally.report(scopes, false);
    }

    private static void exportScope(BackendStateStore store, Writer writer, Copier.Tally tally,
            Consumer<ScopeCopy.Progress> progress) throws IOException {
        List<String> keys = new ArrayList<>(store.backend().keys());
        keys.sort(null);
        long done = 0;
        for (String key : keys) {
            progress.accept(new ScopeCopy.Progress(store.scope(), key, ++done, keys.size()));
            byte[] bytes = store.backend().read(key);
            if (bytes == null) {
                continue;
            }
            String text;
            try {
                store.checkDocument(key, bytes);
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (StateStoreException | CharacterCodingException e) {
                tally.refuse(store.scope(), key, "does not read: " + e.getMessage());
                continue;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("scope", store.scope().toString());
            line.put("key", key);
            line.put("document", text);
            writer.write(JsonText.writeCompact(line));
            writer.write('\n');
            tally.copied.incrementAndGet();
        }
    }

    /**
     * Reads an archive into a store, by {@link ScopeCopy}'s rule for each document.
     *
     * @param in the archive; read to its end, not closed
     * @param target the store to write
     * @param overwrite whether a target entry with other bytes is replaced
     * @return what was created, left alone, overwritten and refused
     * @throws StateStoreException naming the line, if the archive is not one this code reads
     */
    public static ScopeCopy.Report importInto(InputStream in, StoreConfig target, boolean overwrite) {
        return importInto(in, target, overwrite, p -> { });
    }

    /**
     * Reads an archive into a store, telling a listener after each document.
     *
     * @param in the archive; read to its end, not closed
     * @param target the store to write
     * @param overwrite whether a target entry with other bytes is replaced
     * @param progress told after each document; its total is 0, since the archive is read as it streams
     * @return what was created, left alone, overwritten and refused
     * @throws StateStoreException naming the line, if the archive is not one this code reads
     */
    public static ScopeCopy.Report importInto(InputStream in, StoreConfig target, boolean overwrite,
            Consumer<ScopeCopy.Progress> progress) {
        Copier.Tally tally = new Copier.Tally();
        Copier placer = new Copier(overwrite, false, false, 1, p -> { }, tally);
        Map<Scope, StateStore> open = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try {
            readHeader(reader.readLine());
            int number = 1;
            long placed = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Map<String, Object> entry = parseLine(line, number);
                Scope scope = scope(entry, number);
                StateStore store = open.computeIfAbsent(scope, target::open);
                String key = text(entry, "key", number);
                placer.place(store, store, key, text(entry, "document", number).getBytes(StandardCharsets.UTF_8));
                progress.accept(new ScopeCopy.Progress(scope, key, ++placed, 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the archive", e);
        } finally {
            open.values().forEach(StateStore::close);
        }
        return tally.report(List.copyOf(open.keySet()), false);
    }

    private static void readHeader(String line) throws IOException {
        Map<String, Object> header = line == null ? null : parseLine(line, 1);
        if (header == null || !FORMAT.equals(header.get("format"))
                || !(header.get("version") instanceof Integer version) || version != VERSION) {
            throw new StateStoreException("Not a statestore archive of version " + VERSION + ": its first line"
                    + " must be {\"format\":\"" + FORMAT + "\",\"version\":" + VERSION + "}");
        }
    }

    private static Map<String, Object> parseLine(String line, int number) {
        try {
            return JsonParsing.parseObject(line.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new StateStoreException("Line " + number + " of the archive is not a JSON object: "
                    + e.getMessage());
        }
    }

    private static Scope scope(Map<String, Object> entry, int number) {
        try {
            return Scope.parse(text(entry, "scope", number));
        } catch (InvalidScopeException e) {
            throw new StateStoreException("Line " + number + " of the archive has an invalid scope: "
                    + e.getMessage());
        }
    }

    private static String text(Map<String, Object> entry, String field, int number) {
        if (entry.get(field) instanceof String value) {
            return value;
        }
        throw new StateStoreException("Line " + number + " of the archive has no string \"" + field + "\"");
    }
}
