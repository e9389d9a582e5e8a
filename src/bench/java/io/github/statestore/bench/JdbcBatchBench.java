package io.github.statestore.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.statestore.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
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
 * The JDBC store's many-key reads: {@code getBatch} of 1,000 keys, {@code all()} over 10,000 entries and
 * {@code list()} over 10,000 keys, against our store's statements on a plain connection (the same
 * {@code IN (…)} queries of 500 keys, one after another, with Jackson parsing each document; the same
 * listing query): PostgreSQL on loopback and a SQLite file, both seeded by {@link SqlDatabases}.
 */
@org.openjdk.jmh.annotations.State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcBatchBench {
    @Param({SqlEnv.POSTGRESQL, SqlEnv.SQLITE})
    String database;

    private StateStore k1000;
    private StateStore k10000;
    private Connection raw;
    private List<String> keys;

    @Setup
    public void open() throws SQLException {
        k1000 = SqlEnv.store(database, BenchEnv.K1000);
        k10000 = SqlEnv.store(database, BenchEnv.K10000);
        raw = SqlEnv.connect(database);
        keys = Documents.keys(1000);
    }

    @TearDown
    public void close() throws SQLException {
        k1000.close();
        k10000.close();
        raw.close();
    }

    @Benchmark
    public Map<String, io.github.statestore.State> getBatch() {
        return k1000.getBatch(keys);
    }

    @Benchmark
    public Map<String, JsonNode> rawGetBatch() throws SQLException {
        return RawJdbc.getBatch(raw, BenchEnv.K1000, keys);
    }

    @Benchmark
    public Map<String, io.github.statestore.State> all() {
        return k10000.all();
    }

    @Benchmark
    public Map<String, JsonNode> rawAll() throws SQLException {
        return RawJdbc.all(raw, BenchEnv.K10000);
    }

    @Benchmark
    public List<String> list() {
        return k10000.list();
    }

    @Benchmark
    public List<String> rawList() throws SQLException {
        return RawJdbc.names(raw, BenchEnv.K10000);
    }
}
