package io.github.statestore.internal;

import io.github.statestore.InvalidStateException;
import io.github.statestore.secret.Secret;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep, validated, unmodifiable copies of JSON-shaped values, so that a stored {@code State} can never be
 * changed through a map or list its caller still holds. Numbers are normalized to what their JSON text reads
 * back as, so that equal JSON compares equal: integers become {@code Long} ({@code BigInteger} beyond its
 * range), and so do whole doubles below 10<sup>21</sup>, which JSON writes as integers ({@code 2.0} as
 * {@code 2}, {@code 1.2345678901234568E20} as {@code 123456789012345680000}); {@code Float} becomes
 * {@code Double}. {@code BigDecimal} is refused: its precision would not survive being read back as a
 * double. Stateless and thread-safe.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * Copies a JSON object.
     *
     * @param map a map with string keys and JSON-shaped values
     * @param path the JSON path of the map, for error messages
     * @return an unmodifiable copy that keeps the map's order
     * @throws InvalidStateException naming the path of the first value with no JSON form
     */
    public static Map<String, Object> copyObject(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String name)) {
                throw new InvalidStateException(path, "object keys must be strings, found " + e.getKey());
            }
            copy.put(name, copy(e.getValue(), path + "." + name));
        }
        return Collections.unmodifiableMap(copy);
    }

    /**
     * Copies any JSON-shaped value.
     *
     * @param value {@code null}, a string, boolean, finite number, map with string keys, or list
     * @param path the JSON path of the value, for error messages
     * @return the value itself when immutable (numbers normalized), else an unmodifiable deep copy
     * @throws InvalidStateException naming the path of the first value with no JSON form
     */
    public static Object copy(Object value, String path) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Secret) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new InvalidStateException(path, "JSON has no form for " + value);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                return copy(new BigInteger(JsonText.JsNumbers.format(d)), path);
            }
            return d;
        }
        if (value instanceof Map<?, ?> map) {
            return copyObject(map, path);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(copy(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof BigDecimal) {
            throw new InvalidStateException(path, "BigDecimal " + value + " would not survive a write and read: "
                    + "JSON numbers are doubles to JavaScript; use Double, or a String for exact decimals");
        }
        throw new InvalidStateException(path, "JSON has no form for a " + value.getClass().getName()
                + "; use maps, lists, strings, numbers, booleans or null");
    }
}
