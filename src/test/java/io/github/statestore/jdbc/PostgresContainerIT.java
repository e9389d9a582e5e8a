package io.github.statestore.jdbc;

import io.github.statestore.HistoryPolicy;
import io.github.statestore.StoreConfig;
import io.github.statestore.contract.StateStoreContract;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The conformance suite on the JDBC backend against PostgreSQL's official image in Docker, the oldest release
 * the store supports. Wherever no Docker engine runs, every test is reported skipped with the reason
 * "disabledWithoutDocker is true and Docker is not available"; {@link PostgresStoreIT} runs the suite on an
 * embedded server everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerIT extends StateStoreContract {
    @Container
    private static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:12-alpine");
    private static final AtomicInteger TABLES = new AtomicInteger();

    @Override
    protected StoreConfig newConfig() {
        return builder().build();
    }

    @Override
    protected StoreConfig newConfig(HistoryPolicy policy) {
        return builder().history(policy).build();
    }

    /** {@return a config's builder for a new table in the container's database} */
    private static JdbcConfig.Builder builder() {
        return JdbcConfig.builder()
                .url(POSTGRES.getJdbcUrl())
                .user(POSTGRES.getUsername())
                .databasePassword(POSTGRES.getPassword())
                .table("state_" + TABLES.incrementAndGet());
    }
}
