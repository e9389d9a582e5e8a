package io.github.statestore.internal;

import io.github.statestore.LeaseOwner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A lock entry as stored: who holds it, its fencing token, when it was taken and when it expires, and
 * whether it was released. Released entries stay, so that the next holder's token is larger.
 *
 * @param owner the holder
 * @param token the fencing token
 * @param acquiredAt when this holder took it
 * @param expiresAt when it expires unless renewed
 * @param released whether the holder let it go
 */
record LeaseRecord(LeaseOwner owner, long token, Instant acquiredAt, Instant expiresAt, boolean released) {

    /** Whether another holder may take the lock now. */
    boolean isFree(Instant now) {
        return released || !expiresAt.isAfter(now);
    }

    /** Whether this stored entry still records {@code mine}'s acquisition: same holder and token, not released. */
    boolean isHeldAs(LeaseRecord mine) {
        return !released && token == mine.token && owner.equals(mine.owner);
    }

    LeaseRecord renewedUntil(Instant until) {
        return new LeaseRecord(owner, token, acquiredAt, until, false);
    }

    LeaseRecord releasedAt(Instant now) {
        return new LeaseRecord(owner, token, acquiredAt, now, true);
    }

    byte[] toJson() {
        Map<String, Object> ownerFields = new LinkedHashMap<>();
        ownerFields.put("host", owner.host());
        ownerFields.put("pid", owner.pid());
        ownerFields.put("id", owner.id());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("owner", ownerFields);
        doc.put("token", token);
        doc.put("acquiredAt", acquiredAt.toString());
        doc.put("expiresAt", expiresAt.toString());
        doc.put("released", released);
        return JsonText.write(doc).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a stored entry; any malformed entry is an {@link IOException} naming what is wrong. */
    static LeaseRecord fromJson(byte[] json) throws IOException {
        Map<String, Object> doc;
        try {
            doc = JsonParsing.parseObject(json);
        } catch (IOException e) {
            throw new IOException("not a lock entry: " + e.getMessage(), e);
        }
        Map<?, ?> owner = field(doc, "owner", Map.class, "an object");
        return new LeaseRecord(
                new LeaseOwner(field(owner, "host", String.class, "a string"), whole(owner, "pid"),
                        field(owner, "id", String.class, "a string")),
                whole(doc, "token"),
                instant(doc, "acquiredAt"),
                instant(doc, "expiresAt"),
                field(doc, "released", Boolean.class, "true or false"));
    }

    private static <T> T field(Map<?, ?> doc, String name, Class<T> type, String kind) throws IOException {
        Object value = doc.get(name);
        if (!type.isInstance(value)) {
            throw new IOException("not a lock entry: '" + name + "' "
                    + (doc.containsKey(name) ? "must be " + kind + ", was " + JsonText.write(value) : "is missing"));
        }
        return type.cast(value);
    }

    private static long whole(Map<?, ?> doc, String name) throws IOException {
        Number n = field(doc, name, Number.class, "a whole number");
        if (!(n instanceof Integer || n instanceof Long)) {
            throw new IOException("not a lock entry: '" + name + "' must be a whole number, was " + n);
        }
        return n.longValue();
    }

    private static Instant instant(Map<?, ?> doc, String name) throws IOException {
        String text = field(doc, name, String.class, "an ISO-8601 instant");
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("not a lock entry: '" + name + "' must be an ISO-8601 instant, was "
                    + JsonText.write(text), e);
        }
    }
}
