package dev.candor.bench.support;

import dev.candor.core.store.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A fresh, migrated Candor database for one measurement: H2 in a file under a temporary folder (the
 * embedded default, same URL as the app's) or a private embedded PostgreSQL 14. Deleted on {@link
 * #close()}.
 *
 * <p>PostgreSQL runs with {@code synchronous_commit=on} and {@code fsync=on}, PostgreSQL's own
 * defaults and a production setting (the embedded server would otherwise turn synchronous commit
 * off): a commit returns once the WAL is flushed. H2 runs with its defaults (its MVStore writes
 * committed changes to the file in the background and does not fsync each commit). Candor and the
 * raw-JDBC baseline always share one database, so they get the same durability either way.
 */
public final class BenchDatabase implements AutoCloseable {
  /** The kinds of database Candor runs on. */
  public enum Kind {
    H2,
    POSTGRES;

    public String label() {
      return this == H2 ? "H2 file" : "PostgreSQL 14";
    }

    public static Kind parse(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }
  }

  private final Kind kind;
  private final Path dir;
  private final EmbeddedPostgres postgres;
  private final Database database;

  private BenchDatabase(Kind kind, Path dir, EmbeddedPostgres postgres, Database database) {
    this.kind = kind;
    this.dir = dir;
    this.postgres = postgres;
    this.database = database;
  }

  /** Opens a fresh database of {@code kind} with a pool of {@code poolSize} connections. */
  public static BenchDatabase open(Kind kind, int poolSize) {
    Path dir;
    try {
      dir = Files.createTempDirectory("candor-bench-" + kind.name().toLowerCase(Locale.ROOT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (kind == Kind.H2) {
      return new BenchDatabase(
          kind, dir, null, Database.open(Database.h2File(dir), null, null, poolSize));
    }
    EmbeddedPostgres pg;
    try {
      pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(dir.resolve("pgdata"))
              .setCleanDataDirectory(true)
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("fsync", "on")
              .setServerConfig("max_connections", "100")
              .start();
    } catch (IOException e) {
      delete(dir);
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
    try {
      Database db =
          Database.open(pg.getJdbcUrl("postgres", "postgres"), "postgres", null, poolSize);
      return new BenchDatabase(kind, dir, pg, db);
    } catch (RuntimeException e) {
      closeQuietly(pg);
      delete(dir);
      throw e;
    }
  }

  public Kind kind() {
    return kind;
  }

  public Database database() {
    return database;
  }

  /** The folder the database lives in (H2's file, PostgreSQL's data directory). */
  public Path dir() {
    return dir;
  }

  @Override
  public void close() {
    try {
      database.close();
    } finally {
      if (postgres != null) {
        closeQuietly(postgres);
      }
      delete(dir);
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      // the temporary folder is removed next; nothing else to do
    }
  }

  /** Deletes a folder and everything in it, as far as possible. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: it is a temporary folder
    }
  }
}
