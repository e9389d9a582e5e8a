package io.github.statestore.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/**
 * Reads JSON text into plain Java values: {@code LinkedHashMap} (document order kept), {@code ArrayList},
 * {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double}, {@code Boolean} and
 * {@code null}. Trailing content after the value is an error, and so is a value past {@link JsonLimits} (which
 * {@link JsonText} refuses to write). Thread-safe.
 */
public final class JsonParsing {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(JsonLimits.readConstraints())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonParsing() {
    }

    /**
     * Parses a JSON object.
     *
     * @param json UTF-8 JSON text
     * @return the object's fields in document order
     * @throws IOException if the text is not one well-formed JSON object within {@link JsonLimits}; the message
     *     says where
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] json) throws IOException {
        Object value = parseValue(json);
        if (!(value instanceof Map)) {
            throw new IOException("expected a JSON object, found "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return (Map<String, Object>) value;
    }

    /**
     * Parses any JSON value.
     *
     * @param json UTF-8 JSON text
     * @return the value, in the types this class describes
     * @throws IOException if the text is not one well-formed JSON value within {@link JsonLimits}; the message
     *     says where
     */
    public static Object parseValue(byte[] json) throws IOException {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw new IOException(e.getOriginalMessage() + where(e), e);
        }
    }

    /** Where the parser stopped; Jackson gives no position when a value is past a limit. */
    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
