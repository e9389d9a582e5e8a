package io.github.statestore;

import io.github.statestore.internal.Text;

import io.github.statestore.internal.Arguments;
import io.github.statestore.internal.JsonParsing;
import io.github.statestore.internal.JsonText;
import io.github.statestore.internal.JsonValues;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource's state, as Alchemy stores it: {@code {status, kind, id, fqn, seq, data, props, output,
 * oldProps?}}. Values inside {@code data}, {@code props} and {@code output} are plain JSON-shaped Java values:
 * {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Boolean}, numbers
 * ({@code Long} for integral values, {@code BigInteger} beyond its range, {@code Double} otherwise) and
 * {@code null}.
 * Alchemy's tagged values such as {@code {"@date": "…"}} or {@code {"@secret": {…}}} are ordinary maps here
 * and are kept exactly as they are.
 *
 * <p>Fields this class does not know are kept, in document order, so that a read-modify-write never drops
 * what a newer writer added; {@link #toJson()} writes the document as {@code JSON.stringify(v, null, 2)}
 * does, so a document read and written back is byte-identical.
 *
 * <pre>{@code
 * State state = State.builder()
 *         .status(State.Status.CREATED)
 *         .kind("aws::Bucket").id("assets").fqn("my-app/prod/assets")
 *         .props(Map.of("name", "assets-prod"))
 *         .build();
 * State updated = state.toBuilder().status(State.Status.UPDATED).seq(state.seq() + 1).build();
 * }</pre>
 *
 * Immutable and thread-safe: every map and list it returns is unmodifiable.
 */
public final class State {
    /** The lifecycle status of a resource. */
    public enum Status {
        /** Being created. */
        CREATING,
        /** Created. */
        CREATED,
        /** Being updated. */
        UPDATING,
        /** Updated. */
        UPDATED,
        /** Being deleted. */
        DELETING,
        /** Deleted. */
        DELETED;

        /**
         * The status as it appears in JSON.
         *
         * @return the lower-case name, such as {@code created}
         */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /**
         * Reads a status as it appears in JSON.
         *
         * @param json such as {@code created}
         * @return the status
         * @throws InvalidStateException if it is not one of the six statuses
         */
        public static Status fromJson(String json) {
            for (Status s : values()) {
                if (s.json().equals(json)) {
                    return s;
                }
            }
            throw new InvalidStateException("$.status", "unknown status " + Text.quote(json)
                    + "; expected one of creating, created, updating, updated, deleting, deleted");
        }
    }

    static final List<String> KNOWN_FIELDS =
            List.of("status", "kind", "id", "fqn", "seq", "data", "props", "output", "oldProps");

    private final Map<String, Object> fields;

    private State(Map<String, Object> fields) {
        this.fields = fields;
    }

    /**
     * Starts a new state.
     *
     * @return an empty builder; {@code status}, {@code kind}, {@code id} and {@code fqn} are required
     */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>(), true);
    }

    /**
     * Starts a builder holding this state's fields, in this state's order.
     *
     * @return a builder that builds an equal state until changed
     */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(fields), false);
    }

    /**
     * Parses a state document.
     *
     * @param json the document, UTF-8
     * @return the state
     * @throws InvalidStateException at path {@code $} if the text is not one JSON object (the message says
     *     where the parser stopped), or at a field's path if a known field is missing or has the wrong type
     * @throws InvalidArgumentException if {@code json} is null
     */
    public static State fromJson(byte[] json) {
        Map<String, Object> fields;
        try {
            fields = JsonParsing.parseObject(Arguments.notNull(json, "json"));
        } catch (IOException e) {
            throw new InvalidStateException(null, "$", e.getMessage(), e);
        }
        return new Builder(new LinkedHashMap<>(fields), false).build();
    }

    /**
     * Writes this state as {@code JSON.stringify(state, null, 2)} would.
     *
     * @return the pretty-printed document, without a trailing newline
     * @throws InvalidStateException if a value is past the limits that let a document read back
     *     (docs/state-format.md, "Limits"), or is a {@link io.github.statestore.secret.Secret}
     */
    public String toJson() {
        return JsonText.write(fields);
    }

    /**
     * Writes this state as UTF-8 JSON.
     *
     * @return {@link #toJson()} encoded as UTF-8
     * @throws InvalidStateException as {@link #toJson()} does
     */
    public byte[] toJsonBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** {@return the lifecycle status} */
    public Status status() {
        return Status.fromJson((String) fields.get("status"));
    }

    /** {@return the resource kind, such as {@code aws::Bucket}} */
    public String kind() {
        return (String) fields.get("kind");
    }

    /** {@return the resource id within its scope} */
    public String id() {
        return (String) fields.get("id");
    }

    /** {@return the fully qualified name, such as {@code my-app/prod/assets}} */
    public String fqn() {
        return (String) fields.get("fqn");
    }

    /** {@return the sequence number, 0 when the document has none} */
    public long seq() {
        Object seq = fields.get("seq");
        return seq == null ? 0 : ((Number) seq).longValue();
    }

    /** {@return the resource's private data, empty when absent} */
    public Map<String, Object> data() {
        return object("data");
    }

    /** {@return the input properties, empty when absent} */
    public Map<String, Object> props() {
        return object("props");
    }

    /** {@return the properties before the last update, if the document has them} */
    public Optional<Map<String, Object>> oldProps() {
        return Optional.ofNullable(asObject(fields.get("oldProps")));
    }

    /** {@return the resource's outputs, empty when absent} */
    public Map<String, Object> output() {
        return object("output");
    }

    /**
     * The fields of the document that this class has no accessor for, kept so they survive a write.
     *
     * @return an unmodifiable map in document order
     */
    public Map<String, Object> extraFields() {
        Map<String, Object> extra = new LinkedHashMap<>(fields);
        extra.keySet().removeAll(KNOWN_FIELDS);
        return Collections.unmodifiableMap(extra);
    }

    /**
     * The whole document as a map, in document order.
     *
     * @return an unmodifiable map of every field
     */
    public Map<String, Object> asMap() {
        return fields;
    }

    private Map<String, Object> object(String name) {
        Map<String, Object> value = asObject(fields.get(name));
        return value == null ? Map.of() : value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        return (Map<String, Object>) value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof State && ((State) o).fields.equals(fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** Names the resource without printing its values, which may hold secrets. */
    @Override
    public String toString() {
        return "State{status=" + fields.get("status") + ", kind=" + kind() + ", id=" + id() + ", fqn=" + fqn()
                + ", seq=" + seq() + "}";
    }

    /**
     * Builds a {@link State}. Each setter copies its value; {@link #build()} checks the whole document.
     * Not thread-safe: use one builder from one thread.
     */
    public static final class Builder {
        private final Map<String, Object> fields;
        private final boolean fresh;

        private Builder(Map<String, Object> fields, boolean fresh) {
            this.fields = fields;
            this.fresh = fresh;
        }

        /**
         * Sets the lifecycle status.
         *
         * @param status the lifecycle status
         * @return this builder
         */
        public Builder status(Status status) {
            return field("status", status == null ? null : status.json());
        }

        /**
         * Sets the resource kind.
         *
         * @param kind the resource kind
         * @return this builder
         */
        public Builder kind(String kind) {
            return field("kind", kind);
        }

        /**
         * Sets the resource id.
         *
         * @param id the resource id
         * @return this builder
         */
        public Builder id(String id) {
            return field("id", id);
        }

        /**
         * Sets the fully qualified name.
         *
         * @param fqn the fully qualified name
         * @return this builder
         */
        public Builder fqn(String fqn) {
            return field("fqn", fqn);
        }

        /**
         * Sets the sequence number.
         *
         * @param seq the sequence number
         * @return this builder
         */
        public Builder seq(long seq) {
            return field("seq", seq);
        }

        /**
         * Sets the resource's private data.
         *
         * @param data the private data (copied)
         * @return this builder
         */
        public Builder data(Map<String, ?> data) {
            return field("data", data);
        }

        /**
         * Sets the input properties.
         *
         * @param props the input properties (copied)
         * @return this builder
         */
        public Builder props(Map<String, ?> props) {
            return field("props", props);
        }

        /**
         * Sets or removes the properties before the last update.
         *
         * @param oldProps the previous properties (copied), or {@code null} to remove them
         * @return this builder
         */
        public Builder oldProps(Map<String, ?> oldProps) {
            if (oldProps == null) {
                fields.remove("oldProps");
                return this;
            }
            return field("oldProps", oldProps);
        }

        /**
         * Sets the resource's outputs.
         *
         * @param output the outputs (copied)
         * @return this builder
         */
        public Builder output(Map<String, ?> output) {
            return field("output", output);
        }

        /**
         * Sets any top-level field, known or not; a field already present keeps its place in the document.
         *
         * @param name the field name
         * @param value a JSON-shaped value (copied)
         * @return this builder
         * @throws InvalidStateException if the value has no JSON form
         */
        public Builder field(String name, Object value) {
            fields.put(name, JsonValues.copy(value, "$." + name));
            return this;
        }

        /**
         * Removes a top-level field that is not required.
         *
         * @param name the field name
         * @return this builder
         */
        public Builder removeField(String name) {
            fields.remove(name);
            return this;
        }

        /**
         * Builds the state.
         *
         * @return the immutable state
         * @throws InvalidStateException if {@code status}, {@code kind}, {@code id} or {@code fqn} is missing,
         *     or a known field has the wrong type
         */
        public State build() {
            Map<String, Object> doc = fresh ? canonicalOrder() : new LinkedHashMap<>(fields);
            for (String name : List.of("kind", "id", "fqn")) {
                if (!(doc.get(name) instanceof String)) {
                    throw new InvalidStateException("$." + name, "required string field is "
                            + (doc.get(name) == null ? "missing" : "a " + doc.get(name).getClass().getSimpleName()));
                }
            }
            if (!(doc.get("status") instanceof String status)) {
                throw new InvalidStateException("$.status", "required field is missing or not a string");
            }
            Status.fromJson(status);
            Object seq = doc.get("seq");
            if (seq != null && !(seq instanceof Integer || seq instanceof Long)) {
                throw new InvalidStateException("$.seq", "must be an integer, found " + seq);
            }
            for (String name : List.of("data", "props", "oldProps", "output")) {
                Object value = doc.get(name);
                if (value != null && !(value instanceof Map)) {
                    throw new InvalidStateException("$." + name, "must be a JSON object, found " + value);
                }
            }
            return new State(JsonValues.copyObject(doc, "$"));
        }

        private Map<String, Object> canonicalOrder() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("status", fields.get("status"));
            doc.put("kind", fields.get("kind"));
            doc.put("id", fields.get("id"));
            doc.put("fqn", fields.get("fqn"));
            doc.put("seq", fields.getOrDefault("seq", 0L));
            doc.put("data", fields.getOrDefault("data", Map.of()));
            doc.put("props", fields.getOrDefault("props", Map.of()));
            doc.put("output", fields.getOrDefault("output", Map.of()));
            if (fields.containsKey("oldProps")) {
                doc.put("oldProps", fields.get("oldProps"));
            }
            List<String> extra = new ArrayList<>(fields.keySet());
            extra.removeAll(KNOWN_FIELDS);
            extra.forEach(name -> doc.put(name, fields.get(name)));
            return doc;
        }
    }
}
