/**
 * The SQL store: PostgreSQL for teams that run a database, SQLite as a single-file embedded option.
 * {@link io.github.statestore.jdbc.JdbcConfig} configures it; {@code jdbc:} store URLs reach it through
 * {@link io.github.statestore.jdbc.JdbcProvider}. The JDBC drivers are optional dependencies the caller adds.
 * See {@code docs/jdbc.md}.
 */
package io.github.statestore.jdbc;
