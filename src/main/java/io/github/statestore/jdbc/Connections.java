package io.github.statestore.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a JDBC store's connections come from: the caller's {@code DataSource}, or a pool of its own. */
interface Connections {

    /** {@return a connection for one statement or transaction} */
    Connection borrow() throws SQLException;

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
