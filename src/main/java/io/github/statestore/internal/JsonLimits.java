package io.github.statestore.internal;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The one set of limits a state document must keep to read back, shared by reading and writing: the reader
 * is built from them ({@link #readConstraints()}) and {@link JsonText} refuses to write a value past them, so
 * that no write leaves a document that every later read rejects. They are Jackson's defaults, kept on
 * purpose; docs/state-format.md ("Limits") says why. Constants only; thread-safe.
 */
public final class JsonLimits {
    /** Containers (objects and arrays) nested in one another; the document's own object is at depth 1. */
    public static final int MAX_DEPTH = 1_000;
    /** Characters in one string value, counted as {@link String#length()} counts them (UTF-16 units). */
    public static final int MAX_STRING_LENGTH = 20_000_000;
    /** Bytes in one object key, encoded as UTF-8: Jackson counts them so when it parses bytes, as we do. */
    public static final int MAX_NAME_BYTES = 50_000;
    /** Digits in one number, its sign not counted. */
    public static final int MAX_NUMBER_DIGITS = 1_000;

    private JsonLimits() {
    }

    /**
     * The reader's constraints: these limits, and no limit on the document's length or number of tokens.
     *
     * @return constraints for Jackson's parser
     */
    static StreamReadConstraints readConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_BYTES)
                .maxNumberLength(MAX_NUMBER_DIGITS)
                .maxDocumentLength(-1)
                .maxTokenCount(-1)
                .build();
    }
}
