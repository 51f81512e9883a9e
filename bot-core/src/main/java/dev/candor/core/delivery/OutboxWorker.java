package dev.candor.core.delivery;

import dev.candor.core.Counters;
import dev.candor.core.Counters.Outcome;
import dev.candor.core.Failures;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox rows through the platforms' {@link Messenger}s: claims due rows, composes each
 * notice from current state, sends it, and records the outcome. Temporary failures are retried with
 * exponential backoff and jitter, never before a platform's {@code Retry-After}; permanent failures
 * stop and are reported to the session's moderators.
 */
public final class OutboxWorker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
  static final int MAX_ATTEMPTS = 12;
  static final Duration BASE_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_DELAY = Duration.ofMinutes(10);

  /** How long {@link #close()} lets the delivery in progress finish. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final Storage storage;
  private final NoticeComposer composer;
  private final Outbox outbox;
  private final Clock clock;
  private final Counters counters;
  private final Map<Platform, Messenger> messengers = new EnumMap<>(Platform.class);
  private ScheduledExecutorService executor;
  private volatile boolean stopping;
  private volatile String owner;

  public OutboxWorker(Storage storage, NoticeComposer composer, Outbox outbox, Clock clock) {
    this(storage, composer, outbox, clock, new Counters());
  }

  /** A worker that counts each attempt's outcome in {@code counters}. */
  public OutboxWorker(
      Storage storage, NoticeComposer composer, Outbox outbox, Clock clock, Counters counters) {
    this.storage = storage;
    this.composer = composer;
    this.outbox = outbox;
    this.clock = clock;
    this.counters = counters;
  }

  public void register(Messenger messenger) {
    messengers.put(messenger.platform(), messenger);
  }

  /** Starts polling for due rows every {@code period}, as the only Candor process. */
  public synchronized void start(Duration period) {
    start(period, Optional.empty());
  }

  /**
   * Starts polling for due rows every {@code period}. In a cluster, {@code clusterNode} is this
   * node's Quartz instance id, which its leases carry. Alone, leases left by an earlier process are
   * voided first: that process is gone, and its interrupted sends should not wait out their lease.
   */
  public synchronized void start(Duration period, Optional<String> clusterNode) {
    if (executor != null) {
      return;
    }
    stopping = false;
    owner = clusterNode.orElse(null);
    if (clusterNode.isEmpty()) {
      int released = storage.inTransaction(tx -> tx.outbox().releaseAllLeases());
      if (released > 0) {
        log.info("{} outbox items left claimed by a stopped process are due again", released);
      }
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "candor-outbox");
              t.setDaemon(true);
              return t;
            });
    executor.scheduleWithFixedDelay(this::drainSafely, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Stops polling. The delivery in progress may finish, up to {@link #STOP_TIMEOUT}; rows claimed
   * but not yet attempted are given back at once, so the next start delivers them without waiting
   * for their lease.
   */
  @Override
  public synchronized void close() {
    if (executor != null) {
      stopping = true;
      executor.shutdown();
      try {
        if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
          log.warn(
              "a delivery was still in progress {} s after stopping began; its row is retried"
                  + " once its lease ends",
              STOP_TIMEOUT.toSeconds());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  private void drainSafely() {
    try {
      while (!stopping && drainOnce() > 0) {
        // keep going while there is work
      }
    } catch (RuntimeException e) {
      log.error("outbox worker failed; will retry: {}", Failures.describe(e));
    }
  }

  /** Delivers the rows due now; returns how many were attempted. */
  public int drainOnce() {
    Instant claimedAt = clock.instant();
    List<OutboxItem> due = storage.inTransaction(tx -> tx.outbox().claimDue(claimedAt, 20, owner));
    for (int i = 0; i < due.size(); i++) {
      if (stopping) {
        release(due.subList(i, due.size()));
        return i;
      }
      OutboxItem item = due.get(i);
      if (holdForSending(item, claimedAt)) {
        deliver(item);
      }
    }
    return due.size();
  }

  /**
   * Whether the item is still this worker's to send. Earlier sends of the batch may have outlasted
   * its claim, and then another worker may have taken it over; sending it here too would send it
   * twice.
   */
  private boolean holdForSending(OutboxItem item, Instant claimedAt) {
    boolean held =
        storage.inTransaction(
            tx -> tx.outbox().startSending(item.id(), claimedAt, clock.instant()));
    if (!held) {
      log.debug("outbox item {} ({}) was left to another worker", item.id(), item.kind());
    }
    return held;
  }

  /**
   * Gives claimed items back untouched when stopping, so that the next start delivers them at once
   * instead of after their lease.
   */
  private void release(List<OutboxItem> items) {
    storage.run(
        tx -> {
          for (OutboxItem item : items) {
            tx.outbox().markRetry(item.id(), item.attempts(), item.notBefore(), item.lastError());
          }
        });
  }

  private void deliver(OutboxItem item) {
    Messenger messenger = messengers.get(item.target().platform());
    if (messenger == null) {
      fail(item, "no " + item.target().platform().id() + " adapter is configured", true);
      return;
    }
    try {
      Optional<Notice> notice = storage.inTransaction(tx -> composer.compose(tx, item));
      if (notice.isEmpty()) {
        storage.run(tx -> tx.outbox().markSent(item.id(), clock.instant()));
        return;
      }
      send(messenger, item, notice.get());
      storage.run(tx -> tx.outbox().markSent(item.id(), clock.instant()));
      count(item, Outcome.SENT);
    } catch (DeliveryException e) {
      if (e.isPermanent()) {
        fail(item, e.getMessage(), true);
      } else {
        retry(item, e.getMessage(), e.retryAfter());
      }
    } catch (RuntimeException e) {
      log.warn(
          "delivery of outbox item {} ({}) failed: {}",
          item.id(),
          item.kind(),
          Failures.describe(e));
      retry(item, e.getClass().getSimpleName(), Optional.empty());
    }
  }

  private void send(Messenger messenger, OutboxItem item, Notice notice) throws DeliveryException {
    Target t = item.target();
    if (t.kind() == Target.Kind.DIRECT) {
      messenger.direct(t.asUser(), notice);
    } else if (item.kind() == NoticeKind.BOARD) {
      Optional<String> ref =
          storage.inTransaction(tx -> tx.boards().find(item.session(), t.asChannel()));
      if (ref.isPresent()) {
        messenger.update(t.asChannel(), ref.get(), notice);
      } else {
        String posted = messenger.post(t.asChannel(), notice);
        storage.run(tx -> tx.boards().save(item.session(), t.asChannel(), posted));
      }
    } else {
      messenger.post(t.asChannel(), notice);
    }
  }

  private void retry(OutboxItem item, String reason, Optional<Duration> retryAfter) {
    int attempts = item.attempts() + 1;
    if (attempts >= MAX_ATTEMPTS) {
      fail(item, "gave up after " + attempts + " attempts: " + reason, false);
      return;
    }
    Duration delay = backoff(attempts);
    if (retryAfter.isPresent() && retryAfter.get().compareTo(delay) > 0) {
      delay = retryAfter.get();
    }
    Instant next = clock.instant().plus(delay);
    count(item, Outcome.RETRIED);
    log.info(
        "outbox item {} ({}) will be retried in {} ms: {}",
        item.id(),
        item.kind(),
        delay.toMillis(),
        reason);
    storage.run(tx -> tx.outbox().markRetry(item.id(), attempts, next, reason));
  }

  private void count(OutboxItem item, Outcome outcome) {
    counters.recordDelivery(item.target().platform(), item.kind(), outcome);
  }

  /** Exponential backoff with full jitter in the upper half: 2^n seconds, capped. */
  static Duration backoff(int attempts) {
    long cap = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempts - 1, 20));
    long jittered = cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
    return Duration.ofMillis(jittered);
  }

  private void fail(OutboxItem item, String reason, boolean permanent) {
    log.warn(
        "outbox item {} ({} to {}) failed for good: {}",
        item.id(),
        item.kind(),
        item.target().kind(),
        reason);
    count(item, Outcome.FAILED);
    storage.run(
        tx -> {
          tx.outbox().markFailed(item.id(), item.attempts() + 1, reason);
          if (item.kind() == NoticeKind.MODERATOR_ALERT) {
            return;
          }
          Optional<ListeningSession> s = tx.sessions().find(item.session());
          s.ifPresent(
              session ->
                  outbox.alertModerators(
                      tx,
                      session,
                      Sessions.summaryRecipients(session),
                      "delivery-" + item.id(),
                      "Candor could not deliver a "
                          + item.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                          + " to "
                          + item.target().platform().id()
                          + " "
                          + item.target().address()
                          + ": "
                          + reason
                          + "."));
        });
  }
}
