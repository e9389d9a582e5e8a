package io.github.statestore.s3;

import java.util.List;

/**
 * What {@link FaultProxy} does to one request: forward it untouched, answer it with an S3 error of its own,
 * reset the connection before or after forwarding it, or forward it and hold the answer back.
 *
 * @param kind the kind of fault
 * @param status the HTTP status of an {@link Kind#ANSWER}, else 0
 * @param code the S3 error code of an {@link Kind#ANSWER}, else {@code null}
 * @param body the XML body of an {@link Kind#ANSWER}, or {@code null} for an S3 error naming {@code code}
 */
record Fault(Kind kind, int status, String code, String body) {
    /** The kinds of fault. */
    enum Kind { NONE, ANSWER, RESET_BEFORE, RESET_AFTER, DELAY }

    /** Forward the request and relay the answer. */
    static final Fault NONE = new Fault(Kind.NONE, 0, null, null);
    /** Reset the connection without forwarding: the request never reaches the server. */
    static final Fault RESET_BEFORE = new Fault(Kind.RESET_BEFORE, 0, null, null);
    /** Forward the request, read the whole answer, then reset: the server acted but the client hears nothing. */
    static final Fault RESET_AFTER = new Fault(Kind.RESET_AFTER, 0, null, null);
    /** Forward the request, then hold the answer back for the proxy's delay, past the client's attempt timeout. */
    static final Fault DELAY = new Fault(Kind.DELAY, 0, null, null);
    /** Answer 503 SlowDown, S3's throttling. */
    static final Fault SLOW_DOWN = answer(503, "SlowDown");
    /** Answer 500 InternalError. */
    static final Fault INTERNAL_ERROR = answer(500, "InternalError");
    /** One fault of each transient kind: throttling, a 500, resets before and after forwarding, a held answer. */
    static final List<Fault> TRANSIENT = List.of(SLOW_DOWN, INTERNAL_ERROR, RESET_BEFORE, RESET_AFTER, DELAY);

    /**
     * @param status the HTTP status, such as 403
     * @param code the S3 error code, such as {@code AccessDenied}
     * @return a fault that answers with an S3 XML error instead of forwarding
     */
    static Fault answer(int status, String code) {
        return new Fault(Kind.ANSWER, status, code, null);
    }

    /**
     * @param status the HTTP status, such as 200
     * @param body the XML body to answer with
     * @return a fault that answers with this body instead of forwarding
     */
    static Fault answerWith(int status, String body) {
        return new Fault(Kind.ANSWER, status, "custom", body);
    }

    @Override
    public String toString() {
        return kind == Kind.ANSWER ? status + " " + code : kind.name();
    }
}
