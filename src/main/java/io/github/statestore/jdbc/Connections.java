package io.github.statestore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a JDBC store's connections come from: the caller's {@code DataSource}, or a pool of its own. */
interface Connections {

    /** {@return a connection for one statement or transaction} */
    Connection borrow() throws SQLException;

    /**
     * Makes a borrowed connection ready for the store's statements, as {@link Dialect#prepare} says, unless it
     * already is.
     *
     * @param connection a connection {@link #borrow()} returned
     * @param dialect its database's dialect
     */
    void prepare(Connection connection, Dialect dialect) throws SQLException;

    /**
     * Returns a borrowed connection.
     *
     * @param connection the connection
     * @param broken whether it failed in a way that makes it unfit for reuse
     */
    void giveBack(Connection connection, boolean broken);

    /** Closes the connections held for reuse, once no store uses them. */
    void closeIdle();

    /** {@return the database for messages, never with a password} */
    String describe();
}
