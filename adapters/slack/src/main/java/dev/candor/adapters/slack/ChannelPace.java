package dev.candor.adapters.slack;

import dev.candor.core.delivery.DeliveryException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps posts to one channel at least a pace apart (Slack allows about one message per second per
 * channel). Callers wait for their turn; turns are reserved under a lock and waited for outside it,
 * so channels do not hold each other up.
 */
final class ChannelPace {
  /** Sleeps for a number of nanoseconds. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private static final int CLEANUP_SIZE = 1000;
  private final long paceNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Map<String, Long> nextTurn = new HashMap<>();

  ChannelPace(Duration pace, LongSupplier nanoTime, Sleeper sleeper) {
    this.paceNanos = pace.toNanos();
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  static ChannelPace real(Duration pace) {
    return new ChannelPace(
        pace, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
  }

  /** Waits until the channel may be posted to, and takes that turn. */
  void await(String channel) throws DeliveryException {
    if (paceNanos == 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (nextTurn.size() > CLEANUP_SIZE) {
        nextTurn.values().removeIf(t -> t - now <= 0);
      }
      long turn = Math.max(now, nextTurn.getOrDefault(channel, now));
      nextTurn.put(channel, turn + paceNanos);
      wait = turn - now;
    }
    if (wait > 0) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DeliveryException.temporary("interrupted while pacing posts", null);
      }
    }
  }
}
