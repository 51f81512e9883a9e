package dev.candor.app;

import dev.candor.app.config.CandorConfig;
import dev.candor.core.Candor;
import dev.candor.core.CandorSettings;
import dev.candor.core.delivery.Messenger;
import dev.candor.core.identity.MasterKey;
import dev.candor.core.schedule.CandorScheduler;
import dev.candor.core.store.Database;
import dev.candor.core.store.jdbc.JdbiStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core on its database, built from configuration: the embedded H2 file under the data folder
 * unless {@code CANDOR_DB_URL} names another database, and the master key from {@code
 * CANDOR_MASTER_KEY} or the data folder's key file.
 */
public final class CandorRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(CandorRuntime.class);
  private final Database database;
  private final Candor candor;

  private CandorRuntime(Database database, Candor candor) {
    this.database = database;
    this.candor = candor;
  }

  /** Opens the database (running migrations) and wires the core; call {@link #start} next. */
  public static CandorRuntime open(CandorConfig config, CandorSettings settings, Clock clock) {
    CandorConfig.Database db = config.database();
    String url = db.embedded() ? Database.h2File(config.dataDir()) : db.url();
    Database database =
        Database.open(url, db.user(), db.password().map(s -> s.reveal()).orElse(""), db.poolSize());
    log.info(
        "database: {}", db.embedded() ? "embedded H2 in " + config.dataDir() : db.redactedUrl());
    MasterKey key = masterKey(config);
    return new CandorRuntime(database, new Candor(settings, new JdbiStorage(database), key, clock));
  }

  static MasterKey masterKey(CandorConfig config) {
    if (config.masterKey().isPresent()) {
      return MasterKey.fromBase64(config.masterKey().get().reveal());
    }
    Path file = config.dataDir().resolve("master.key");
    try {
      return MasterKey.loadOrCreate(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }

  public CandorRuntime register(Messenger messenger) {
    candor.register(messenger);
    return this;
  }

  /**
   * Starts the core with Quartz's JDBC job store in Candor's own database, so that triggers survive
   * restarts; clustered when configured (PostgreSQL only).
   */
  public CandorRuntime startDurable(boolean clustered) {
    return start(
        CandorScheduler.jdbc(database, "candor", clustered && database.isPostgres()),
        Duration.ofMillis(200));
  }

  /** Starts the core with an in-memory scheduler (console and demo). */
  public CandorRuntime start() {
    try {
      candor.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("the scheduler did not start", e);
    }
    return this;
  }

  public CandorRuntime start(java.util.Properties quartz, Duration outboxPoll) {
    try {
      candor.start(quartz, outboxPoll);
    } catch (SchedulerException e) {
      throw new IllegalStateException("the scheduler did not start", e);
    }
    return this;
  }

  public Candor candor() {
    return candor;
  }

  public Database database() {
    return database;
  }

  @Override
  public void close() {
    candor.close();
    database.close();
  }
}
