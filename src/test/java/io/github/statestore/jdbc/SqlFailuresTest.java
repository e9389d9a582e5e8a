package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.statestore.jdbc.SqlFailures.Kind;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import org.junit.jupiter.api.Test;

/** Which database errors the JDBC store retries, and which of them may hide an applied write. */
class SqlFailuresTest {

    @Test
    void postgresRollbacksAreRetriedAsNotApplied() {
        for (String state : new String[] {"40001", "40P01", "55P03", "57014", "53300", "57P03"}) {
            assertEquals(Kind.NOT_APPLIED, SqlFailures.classify(new SQLException("x", state), Dialect.POSTGRESQL),
                    state);
        }
    }

    @Test
    void aLostPostgresConnectionMayHaveAppliedTheStatement() {
        for (String state : new String[] {"08006", "08003", "57P01", "57P02"}) {
            assertEquals(Kind.ANSWER_LOST, SqlFailures.classify(new SQLException("x", state), Dialect.POSTGRESQL),
                    state);
        }
        assertEquals(Kind.ANSWER_LOST, SqlFailures.classify(new SQLRecoverableException("x"), Dialect.POSTGRESQL));
        assertEquals(Kind.ANSWER_LOST, SqlFailures.classify(new SQLException("x", null, new IOException("reset")),
                Dialect.POSTGRESQL));
    }

    @Test
    void otherPostgresErrorsAreNotRetried() {
        for (String state : new String[] {"23505", "42P01", "28P01", "22001", null}) {
            assertEquals(Kind.PERMANENT, SqlFailures.classify(new SQLException("x", state), Dialect.POSTGRESQL),
                    state);
        }
    }

    @Test
    void sqliteBusyAndLockedAreRetriedWithTheirExtendedCodes() {
        for (int code : new int[] {5, 6, 261, 517, 262}) {
            assertEquals(Kind.NOT_APPLIED, SqlFailures.classify(new SQLException("x", null, code), Dialect.SQLITE),
                    "code " + code);
        }
        assertEquals(Kind.PERMANENT, SqlFailures.classify(new SQLException("x", null, 1), Dialect.SQLITE));
        assertEquals(Kind.PERMANENT, SqlFailures.classify(new SQLException("x", null, 19), Dialect.SQLITE));
    }

    @Test
    void missingTablesAndRefusedCredentialsAreRecognised() {
        assertTrue(SqlFailures.missingTable(new SQLException("relation does not exist", "42P01")));
        assertTrue(SqlFailures.missingTable(new SQLException("[SQLITE_ERROR] no such table: statestore_entries")));
        assertFalse(SqlFailures.missingTable(new SQLException("syntax error", "42601")));
        assertTrue(SqlFailures.authentication(new SQLException("password authentication failed", "28P01")));
        assertFalse(SqlFailures.authentication(new SQLException("x", "08006")));
    }
}
