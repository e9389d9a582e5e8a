package io.github.statestore.internal;

import io.github.statestore.LeaseOwner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
        Map<String, Object> doc = JsonParsing.parseObject(json);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> owner = (Map<String, Object>) doc.get("owner");
            return new LeaseRecord(
                    new LeaseOwner((String) owner.get("host"), ((Number) owner.get("pid")).longValue(),
                            (String) owner.get("id")),
                    ((Number) doc.get("token")).longValue(),
                    Instant.parse((String) doc.get("acquiredAt")),
                    Instant.parse((String) doc.get("expiresAt")),
                    Boolean.TRUE.equals(doc.get("released")));
        } catch (RuntimeException e) {
            throw new IOException("not a lock entry: " + e, e);
        }
    }
}
