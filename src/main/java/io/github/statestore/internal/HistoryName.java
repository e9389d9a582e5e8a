package io.github.statestore.internal;

import io.github.statestore.HistoryEntry;
import io.github.statestore.InvalidStateException;
import io.github.statestore.State;
import io.github.statestore.StateStoreException;
import io.github.statestore.Version;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;

/**
 * The name of one history entry, which holds every fact {@link io.github.statestore.StateStore#history} lists,
 * so that listing a key's history reads no entry:
 * {@code <ordinal>.<millis>.<nonce>.<w|d>.<size>.<seq|x>.<status|x>.<version>}. The ordinal is one more than
 * the largest of the key's entries when it was kept, so entries sort in the order their writes happened
 * whatever the writers' clocks say; the time and a random nonce break ties. The version token is escaped to
 * {@code a-z}, {@code 0-9} and {@code -}, every other UTF-8 byte written {@code _hh}, so that a name is safe
 * as a file name on every operating system (lower case only: some file systems ignore case) and as an object
 * key. Immutable and thread-safe.
 *
 * @param ordinal the entry's place in its key's history, from 1
 * @param millis when it was kept, in milliseconds since the epoch
 * @param nonce 8 hex digits, telling apart the entries of writers that raced
 * @param deleted whether a delete replaced the document
 * @param size the document's size in bytes
 * @param status the state's status, or {@code null} when the document is not a valid state
 * @param seq the state's seq, 0 when {@code status} is {@code null}
 * @param version the document's version token while it was current
 */
record HistoryName(long ordinal, long millis, String nonce, boolean deleted, long size, State.Status status,
        long seq, String version) {
    /** The longest name, which a file name's limit on common file systems allows. */
    static final int MAX_LENGTH = 255;
    /** Newest first: by ordinal, then time, then nonce, each descending. */
    static final Comparator<HistoryName> NEWEST_FIRST = Comparator.comparingLong(HistoryName::ordinal)
            .thenComparingLong(HistoryName::millis).thenComparing(HistoryName::nonce).reversed();
    private static final String UNKNOWN = "x";
    private static final int FIELDS = 8;

    /**
     * {@return the name, as the backend stores it}
     *
     * @throws StateStoreException if the version token is too long to keep in a name
     */
    String text() {
        String name = ordinal + "." + millis + "." + nonce + "." + (deleted ? "d" : "w") + "." + size + "."
                + (status == null ? UNKNOWN : Long.toString(seq)) + "." + (status == null ? UNKNOWN : status.json())
                + "." + escape(version);
        if (name.length() > MAX_LENGTH) {
            throw new StateStoreException("The version token " + Text.quote(version) + " is too long to keep in "
                    + "history: a history entry's name may hold " + MAX_LENGTH + " characters");
        }
        return name;
    }

    /** {@return the entry as the API lists it} */
    HistoryEntry entry() {
        return new HistoryEntry(Version.of(version), Instant.ofEpochMilli(millis), size, deleted, status, seq);
    }

    /**
     * Reads a name that {@link #text()} wrote.
     *
     * @param name a name a backend listed
     * @return the parsed name, or {@code null} if it is not one this store writes
     */
    static HistoryName parse(String name) {
        String[] f = name.split("\\.", -1);
        if (f.length != FIELDS || !f[2].matches("[0-9a-f]{8}") || !(f[3].equals("w") || f[3].equals("d"))) {
            return null;
        }
        try {
            long ordinal = Long.parseLong(f[0]);
            long millis = Long.parseLong(f[1]);
            long size = Long.parseLong(f[4]);
            State.Status status = f[6].equals(UNKNOWN) ? null : State.Status.fromJson(f[6]);
            long seq = status == null ? 0 : Long.parseLong(f[5]);
            String version = unescape(f[7]);
            if (ordinal < 1 || size < 0 || version == null || version.isEmpty()) {
                return null;
            }
            return new HistoryName(ordinal, millis, f[2], f[3].equals("d"), size, status, seq, version);
        } catch (NumberFormatException | InvalidStateException notOurs) {
            return null;
        }
    }

    private static String escape(String token) {
        StringBuilder out = new StringBuilder();
        for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '-') {
                out.append((char) b);
            } else {
                out.append('_').append(HexFormat.of().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static String unescape(String escaped) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '_' && i + 2 < escaped.length() && isHex(escaped.charAt(i + 1)) && isHex(escaped.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(escaped, i + 1, i + 3));
                i += 2;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
                bytes.write(c);
            } else {
                return null;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f';
    }
}
