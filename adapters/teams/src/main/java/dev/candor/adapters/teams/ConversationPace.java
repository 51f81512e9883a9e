package dev.candor.adapters.teams;

import dev.candor.core.delivery.DeliveryException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keeps Candor under Teams' per-conversation limits for bots (about 7 messages a second and 60 in
 * 30 seconds). A short wait is slept; a long one is handed back to the outbox as {@link
 * DeliveryException#retryAfter}, so one busy conversation never holds up the others.
 */
final class ConversationPace {
  /** At most {@code messages} per {@code per}. */
  record Window(int messages, Duration per) {}

  /** Sleeps for a number of nanoseconds. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  static final List<Window> TEAMS_LIMITS =
      List.of(new Window(7, Duration.ofSeconds(1)), new Window(60, Duration.ofSeconds(30)));

  /** Waits up to this long in place; longer waits go back to the outbox. */
  static final Duration MAX_SLEEP = Duration.ofMillis(1500);

  private static final int CLEANUP_SIZE = 1000;

  private final List<Window> windows;
  private final long longestNanos;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private final Map<String, Deque<Long>> sent = new HashMap<>();

  ConversationPace(List<Window> windows, LongSupplier nanoTime, Sleeper sleeper) {
    this.windows = List.copyOf(windows);
    this.longestNanos = windows.stream().mapToLong(w -> w.per().toNanos()).max().orElse(0);
    this.nanoTime = nanoTime;
    this.sleeper = sleeper;
  }

  static ConversationPace real() {
    return new ConversationPace(
        TEAMS_LIMITS, System::nanoTime, n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)));
  }

  /** Takes a turn in {@code conversation}: now, after a short sleep, or not (retry later). */
  void await(String conversation) throws DeliveryException {
    long wait;
    synchronized (this) {
      long now = nanoTime.getAsLong();
      if (sent.size() > CLEANUP_SIZE) {
        sent.values().removeIf(q -> q.isEmpty() || now - q.peekLast() > longestNanos);
      }
      Deque<Long> times = sent.computeIfAbsent(conversation, c -> new ArrayDeque<>());
      while (!times.isEmpty() && now - times.peekFirst() >= longestNanos) {
        times.removeFirst();
      }
      wait = waitFor(times, now);
      if (wait > MAX_SLEEP.toNanos()) {
        throw DeliveryException.retryAfter(
            "Teams conversation limit reached", Duration.ofNanos(wait));
      }
      times.addLast(now + wait);
    }
    if (wait > 0) {
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw DeliveryException.temporary("interrupted while pacing Teams messages", null);
      }
    }
  }

  /** How long until every window has room for one more message. */
  private long waitFor(Deque<Long> times, long now) {
    long wait = 0;
    for (Window w : windows) {
      long per = w.per().toNanos();
      int inWindow = 0;
      Long oldestInWindow = null;
      var it = times.descendingIterator();
      while (it.hasNext()) {
        long t = it.next();
        if (now - t >= per) {
          break;
        }
        inWindow++;
        oldestInWindow = t;
        if (inWindow == w.messages()) {
          break;
        }
      }
      if (inWindow >= w.messages() && oldestInWindow != null) {
        wait = Math.max(wait, oldestInWindow + per - now);
      }
    }
    return wait;
  }
}
