package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statestore.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A single {@code get} of a 2 KB state from the JDBC store, against our store's {@code SELECT} on a plain
 * connection, with Jackson parsing the document (as our {@code get} parses it) and without: PostgreSQL on
 * loopback and a SQLite file, both seeded by {@link SqlDatabases}.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcSingleBench {
    @Param({SqlEnv.POSTGRESQL, SqlEnv.SQLITE})
    String database;

    private StateStore store;
    private Connection raw;

    @Setup
    public void open() throws SQLException {
        store = SqlEnv.store(database, BenchEnv.ONE);
        raw = SqlEnv.connect(database);
    }

    @TearDown
    public void close() throws SQLException {
        store.close();
        raw.close();
    }

    @Benchmark
    public io.github.statestore.State get() {
        return store.get(BenchEnv.ONE_KEY).orElseThrow();
    }

    @Benchmark
    public byte[] rawGet() throws SQLException {
        return RawJdbc.get(raw, BenchEnv.ONE, BenchEnv.ONE_KEY);
    }

    @Benchmark
    public JsonNode rawGetParsed() throws SQLException {
        return RawJdbc.parse(rawGet());
    }
}
