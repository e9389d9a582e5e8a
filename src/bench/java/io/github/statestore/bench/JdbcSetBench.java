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
 * A single {@code set} of a 2 KB state through the JDBC store, against our store's upsert on a plain
 * connection, with Jackson writing the document first (as our {@code set} writes it) and with the bytes
 * ready: PostgreSQL on loopback and a SQLite file, each with commits that wait for the log's flush (the
 * databases' defaults) and without ({@link SqlEnv#NO_FLUSH}). Every fork starts from a compacted table
 * ({@link RawJdbc#compact}) and writes one row over and over.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcSetBench {
    @Param({SqlEnv.POSTGRESQL, SqlEnv.SQLITE, SqlEnv.POSTGRESQL + SqlEnv.NO_FLUSH, SqlEnv.SQLITE + SqlEnv.NO_FLUSH})
    String database;

    private StateStore store;
    private Connection raw;
    private io.github.statestore.State state;
    private JsonNode tree;
    private byte[] body;
    private long versions;

    @Setup
    public void open() throws SQLException {
        store = SqlEnv.store(database, BenchEnv.ONE);
        raw = SqlEnv.connect(database);
        RawJdbc.compact(raw);
        state = Documents.state(0);
        body = state.toJsonBytes();
        tree = RawJdbc.parse(body);
    }

    @TearDown
    public void close() throws SQLException {
        store.close();
        raw.close();
    }

    @Benchmark
    public void set() {
        store.set(BenchEnv.WRITTEN_KEY, state);
    }

    @Benchmark
    public void rawSet() throws SQLException {
        RawJdbc.set(raw, BenchEnv.ONE, BenchEnv.WRITTEN_KEY, RawJdbc.write(tree), Long.toString(++versions));
    }

    @Benchmark
    public void rawSetBytes() throws SQLException {
        RawJdbc.set(raw, BenchEnv.ONE, BenchEnv.WRITTEN_KEY, body, Long.toString(++versions));
    }
}
