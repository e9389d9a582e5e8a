package io.github.statestore.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.LeaseOwner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A lock entry survives being stored and read back, a malformed one is refused saying why, and when it is free. */
class LeaseRecordTest {
    private static final LeaseOwner OWNER = new LeaseOwner("build-7", 4242, "3f2a-id");
    private static final Instant ACQUIRED = Instant.parse("2024-05-01T10:00:00.123456789Z");
    private static final Instant EXPIRES = Instant.parse("2024-05-01T10:00:30.5Z");
    private static final String VALID = "{\"owner\":{\"host\":\"build-7\",\"pid\":4242,\"id\":\"3f2a-id\"},"
            + "\"token\":7,\"acquiredAt\":\"2024-05-01T10:00:00Z\",\"expiresAt\":\"2024-05-01T10:00:30Z\","
            + "\"released\":false}";

    @Test
    void heldAndReleasedEntriesRoundTrip() throws IOException {
        LeaseRecord held = new LeaseRecord(OWNER, 7, ACQUIRED, EXPIRES, false);
        assertEquals(held, LeaseRecord.fromJson(held.toJson()));
        LeaseRecord released = held.releasedAt(EXPIRES.minusSeconds(1));
        assertEquals(released, LeaseRecord.fromJson(released.toJson()));
        assertTrue(LeaseRecord.fromJson(released.toJson()).released());
    }

    @Test
    void theStoredEntryHasItsDocumentedFields() throws IOException {
        Map<String, Object> doc = JsonParsing.parseObject(new LeaseRecord(OWNER, 7, ACQUIRED, EXPIRES, false).toJson());
        assertEquals(Map.of("owner", Map.of("host", "build-7", "pid", 4242, "id", "3f2a-id"), "token", 7,
                "acquiredAt", "2024-05-01T10:00:00.123456789Z", "expiresAt", "2024-05-01T10:00:30.500Z",
                "released", false), doc);
    }

    @Test
    void aHandWrittenEntryIsRead() throws IOException {
        LeaseRecord read = LeaseRecord.fromJson(bytes(VALID));
        assertEquals(new LeaseRecord(OWNER, 7, Instant.parse("2024-05-01T10:00:00Z"),
                Instant.parse("2024-05-01T10:00:30Z"), false), read);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "truncated JSON         | `{\"owner\":`                                    | line 1",
        "not an object          | `[1, 2]`                                         | expected a JSON object",
        "trailing content       | `{} {}`                                          | line 1",
        "no owner               | `{\"token\":7}`                                  | owner",
        "owner not an object    | `{\"owner\":\"me\"}`                             | owner",
    })
    void malformedJsonIsAnIOExceptionSayingWhy(String what, String json, String named) {
        IOException e = assertThrows(IOException.class, () -> LeaseRecord.fromJson(bytes(json)));
        assertTrue(e.getMessage().contains(named), what + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"host", "pid", "id", "token", "acquiredAt", "expiresAt", "released"})
    void anEntryMissingAFieldIsAnIOExceptionNamingIt(String field) {
        String json = VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9a-z]+),?", "").replace(",}", "}");
        IOException e = assertThrows(IOException.class, () -> LeaseRecord.fromJson(bytes(json)), json);
        assertTrue(e.getMessage().contains(field), json + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "host       | 42",
        "pid        | \"4242\"",
        "token      | \"7\"",
        "token      | 7.5",
        "pid        | null",
        "acquiredAt | \"yesterday\"",
        "expiresAt  | 1714557630",
        "released   | \"no\"",
    })
    void anEntryWithAFieldOfTheWrongKindIsAnIOExceptionNamingIt(String field, String value) {
        String json = VALID.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[0-9a-z]+)", "\"" + field + "\":" + value);
        IOException e = assertThrows(IOException.class, () -> LeaseRecord.fromJson(bytes(json)), json);
        assertTrue(e.getMessage().contains(field), json + ": " + e.getMessage());
    }

    @Test
    void aHeldEntryIsFreeOnlyFromItsExpiryOn() {
        LeaseRecord held = new LeaseRecord(OWNER, 7, ACQUIRED, EXPIRES, false);
        assertFalse(held.isFree(ACQUIRED));
        assertFalse(held.isFree(EXPIRES.minusNanos(1)));
        assertTrue(held.isFree(EXPIRES));
        assertTrue(held.isFree(EXPIRES.plusSeconds(60)));
    }

    @Test
    void aReleasedEntryIsFreeAtOnceAndARenewedOneIsHeldAgain() {
        LeaseRecord released = new LeaseRecord(OWNER, 7, ACQUIRED, EXPIRES, true);
        assertTrue(released.isFree(ACQUIRED));
        LeaseRecord renewed = released.renewedUntil(EXPIRES.plusSeconds(30));
        assertFalse(renewed.isFree(EXPIRES));
        assertEquals(7, renewed.token());
        assertEquals(ACQUIRED, renewed.acquiredAt());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
