package io.github.statestore.jdbc;

/**
 * The two tables of a JDBC store, qualified by their schema when one is set.
 *
 * @param entries the documents' and lock entries' table, such as {@code statestore_entries}
 * @param schemaVersion the one-row table holding the version of the tables' layout
 */
record TableNames(String entries, String schemaVersion) {
    /** The suffix of the schema-version table's name. */
    static final String SCHEMA_SUFFIX = "_schema";

    static TableNames of(String schema, String table) {
        String qualifier = schema == null ? "" : schema + ".";
        return new TableNames(qualifier + table, qualifier + table + SCHEMA_SUFFIX);
    }
}
