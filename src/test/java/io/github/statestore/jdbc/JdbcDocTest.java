package io.github.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/jdbc.md prints exactly the DDL the store runs, for PostgreSQL then SQLite. */
class JdbcDocTest {
    private static final Pattern SQL = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL);

    @Test
    void theDocumentedTablesAreTheOnesTheStoreCreates() throws IOException {
        List<String> blocks = new ArrayList<>();
        Matcher m = SQL.matcher(Files.readString(Path.of("docs/jdbc.md")));
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(List.of(ddl(Dialect.POSTGRESQL), ddl(Dialect.SQLITE)), blocks);
    }

    private static String ddl(Dialect dialect) {
        StringBuilder text = new StringBuilder();
        for (String statement : dialect.createTables(TableNames.of(null, JdbcConfig.DEFAULT_TABLE))) {
            text.append(statement).append(";\n");
        }
        return text.toString();
    }
}
