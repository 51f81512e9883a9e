package dev.candor.core.store;

import static dev.candor.core.Checks.check;
import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The database Candor keeps everything in: a pooled connection to H2 (embedded default) or
 * PostgreSQL (production), migrated to the current schema when opened.
 *
 * <p>Open one per process and {@link #close()} it on shutdown. The same {@link #dataSource()} may
 * serve other components that need the database, such as the Quartz job store.
 */
public final class Database implements AutoCloseable {
  /** The pool size used unless one is given. */
  public static final int DEFAULT_POOL_SIZE = 10;

  private static final String MIGRATIONS = "classpath:db/migration";

  private final HikariDataSource dataSource;
  private final boolean postgres;
  private final boolean h2;

  private Database(HikariDataSource dataSource, boolean postgres, boolean h2) {
    this.dataSource = dataSource;
    this.postgres = postgres;
    this.h2 = h2;
  }

  /** Opens and migrates the database at {@code jdbcUrl}, with no credentials in the call. */
  public static Database open(String jdbcUrl) {
    return open(jdbcUrl, null, null, DEFAULT_POOL_SIZE);
  }

  /** Opens and migrates the database; {@code user} and {@code password} may be null. */
  public static Database open(String jdbcUrl, String user, String password) {
    return open(jdbcUrl, user, password, DEFAULT_POOL_SIZE);
  }

  /**
   * Opens a pool of at most {@code poolSize} connections to {@code jdbcUrl} and applies every
   * pending migration.
   *
   * @throws IllegalStateException if the database cannot be reached, is neither H2 nor PostgreSQL,
   *     or cannot be migrated (the pool is then closed again)
   */
  public static Database open(String jdbcUrl, String user, String password, int poolSize) {
    notBlank(jdbcUrl, "jdbcUrl");
    check(poolSize >= 1, "poolSize must be at least 1, was " + poolSize);
    HikariConfig config = new HikariConfig();
    config.setPoolName("candor");
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot connect to the database: " + e.getMessage(), e);
    }
    try {
      String product = productName(ds);
      boolean postgres = "PostgreSQL".equalsIgnoreCase(product);
      boolean h2 = "H2".equalsIgnoreCase(product);
      if (!postgres && !h2) {
        throw new IllegalArgumentException("Candor runs on H2 or PostgreSQL, not on " + product);
      }
      // Flyway itself knows no {vendor} placeholder (that is Spring Boot): resolved here.
      String vendor = "classpath:db/vendor/" + (postgres ? "postgresql" : "h2");
      Flyway.configure().dataSource(ds).locations(MIGRATIONS, vendor).load().migrate();
      return new Database(ds, postgres, h2);
    } catch (RuntimeException | SQLException e) {
      ds.close();
      // The URL is left out of the message: it may carry a password.
      throw new IllegalStateException("cannot open and migrate the database: " + e.getMessage(), e);
    }
  }

  /**
   * The embedded default: an H2 database in {@code dataDir}, file {@code candor.mv.db}. Lock waits
   * are allowed 10 s (H2's default of 1 s is too short for a session lock held during a release),
   * and the database closes when the pool does, not in H2's own shutdown hook, which could run
   * before the scheduler has stopped. Each commit is written to the file as it happens ({@code
   * WRITE_DELAY=0}): with H2's default of up to 500 ms in memory, a killed process lost votes it
   * had already acknowledged. (H2 does not fsync each commit, so a power cut can still lose the
   * last moments; PostgreSQL is the choice where that matters.)
   */
  public static String h2File(Path dataDir) {
    notNull(dataDir, "dataDir");
    String dir = dataDir.toAbsolutePath().normalize().toString().replace('\\', '/');
    return "jdbc:h2:file:"
        + dir
        + "/candor;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;TRACE_LEVEL_FILE=0"
        + ";WRITE_DELAY=0";
  }

  /**
   * A private in-memory H2 database, for tests and demos. It lives until {@link #close()}, even
   * while the pool holds no connection.
   */
  public static String h2Memory(String name) {
    notBlank(name, "name");
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Whether this is PostgreSQL (otherwise H2), for the few statements that differ. */
  public boolean isPostgres() {
    return postgres;
  }

  /** Shuts H2 down (in-memory databases are dropped) and closes the pool. */
  @Override
  public void close() {
    if (dataSource.isClosed()) {
      return;
    }
    try {
      if (h2) {
        try (Connection c = dataSource.getConnection();
            Statement st = c.createStatement()) {
          st.execute("SHUTDOWN");
        } catch (SQLException e) {
          // already shut down by someone else; closing the pool is all that is left
        }
      }
    } finally {
      dataSource.close();
    }
  }

  private static String productName(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection()) {
      return c.getMetaData().getDatabaseProductName();
    }
  }
}
