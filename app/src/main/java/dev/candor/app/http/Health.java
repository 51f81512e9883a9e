package dev.candor.app.http;

import dev.candor.core.Candor;
import dev.candor.core.Failures;
import dev.candor.core.schedule.CandorScheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code GET /healthz} reports: whether the database answers a query, and whether the
 * scheduler fires triggers. Healthy only if both are: a Candor whose scheduler is in standby or
 * shut down accepts questions but sends no reminder, and a load balancer should know.
 *
 * <p>The database is given {@link #DATABASE_TIMEOUT} to answer; an unreachable database would
 * otherwise hold the request for the pool's whole connection timeout. At most one check is in
 * flight: while one hangs, later requests wait for that one instead of piling up threads.
 */
final class Health implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Health.class);
  static final Duration DATABASE_TIMEOUT = Duration.ofSeconds(2);

  /** One check's outcome; {@link #json()} is the response body. */
  record Report(String database, String scheduler) {
    boolean healthy() {
      return database.equals("up") && scheduler.equals("started");
    }

    String json() {
      return "{\"status\":\""
          + (healthy() ? "ok" : "unavailable")
          + "\",\"database\":\""
          + database
          + "\",\"scheduler\":\""
          + scheduler
          + "\"}";
    }
  }

  private final Candor candor;
  private final ExecutorService checks =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "candor-health");
            t.setDaemon(true);
            return t;
          });
  private CompletableFuture<Void> databaseCheck;
  private volatile boolean databaseUp = true;

  Health(Candor candor) {
    this.candor = candor;
  }

  Report check() {
    return new Report(database(), scheduler(candor.scheduler()));
  }

  private String database() {
    String failure;
    try {
      databaseQuery().get(DATABASE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      failure = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    } catch (ExecutionException e) {
      failure = Failures.describe(e.getCause());
    } catch (TimeoutException e) {
      failure = "no answer within " + DATABASE_TIMEOUT.toSeconds() + " s";
    }
    // Logged when it changes, not at every probe.
    if (failure != null && databaseUp) {
      log.warn("the database does not answer: {}", failure);
    } else if (failure == null && !databaseUp) {
      log.warn("the database answers again");
    }
    databaseUp = failure == null;
    return databaseUp ? "up" : "down";
  }

  private synchronized CompletableFuture<Void> databaseQuery() {
    if (databaseCheck == null || databaseCheck.isDone()) {
      databaseCheck =
          CompletableFuture.runAsync(
              () -> candor.storage().inTransaction(tx -> tx.outbox().countPending()), checks);
    }
    return databaseCheck;
  }

  static String scheduler(CandorScheduler scheduler) {
    if (scheduler == null) {
      return "not started";
    }
    Scheduler quartz = scheduler.quartz();
    try {
      if (quartz.isShutdown()) {
        return "shutdown";
      }
      if (quartz.isInStandbyMode() || !quartz.isStarted()) {
        return "standby";
      }
      return "started";
    } catch (SchedulerException e) {
      return "unknown";
    }
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }
}
