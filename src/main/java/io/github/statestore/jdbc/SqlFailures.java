package io.github.statestore.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Sorts a database error by what it says of the statement that raised it, which decides whether a retry is
 * safe. Stateless.
 */
final class SqlFailures {
    /** PostgreSQL states of a statement that was rolled back and may be run again. */
    private static final Set<String> ROLLED_BACK = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available
            "57014", // query_canceled (statement_timeout)
            "53300", // too_many_connections
            "57P03"); // cannot_connect_now
    /** PostgreSQL states of a server that ended the session: whether the statement committed is unknown. */
    private static final Set<String> SESSION_ENDED = Set.of(
            "57P01", // admin_shutdown (pg_terminate_backend)
            "57P02"); // crash_shutdown
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    private SqlFailures() {
    }

    /** What an error says of the statement that raised it. */
    enum Kind {
        /** The statement did not take effect, and running it again may succeed. */
        NOT_APPLIED,
        /** The connection was lost: the statement may or may not have taken effect. */
        ANSWER_LOST,
        /** Running it again would fail the same way. */
        PERMANENT
    }

    static Kind classify(SQLException e, Dialect dialect) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (dialect == Dialect.SQLITE) {
            int primary = e.getErrorCode() & 0xff;
            return primary == SQLITE_BUSY || primary == SQLITE_LOCKED ? Kind.NOT_APPLIED : Kind.PERMANENT;
        }
        if (ROLLED_BACK.contains(state)) {
            return Kind.NOT_APPLIED;
        }
        if (state.startsWith("08") || SESSION_ENDED.contains(state) || e instanceof SQLRecoverableException
                || e instanceof SQLTransientConnectionException || e.getCause() instanceof IOException) {
            return Kind.ANSWER_LOST;
        }
        return Kind.PERMANENT;
    }

    /** Whether the error says that a table is missing. */
    static boolean missingTable(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return "42P01".equals(e.getSQLState()) || message.contains("no such table");
    }

    /** Whether the error is the database's refusal of the credentials. */
    static boolean authentication(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("28");
    }
}
