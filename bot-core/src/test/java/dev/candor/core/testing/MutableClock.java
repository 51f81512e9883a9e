package dev.candor.core.testing;

import dev.candor.core.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it. Thread-safe; clocks derived with {@link
 * #withZone} share the same instant, so moving one moves them all.
 *
 * <pre>{@code
 * MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
 * clock.advance(Duration.ofSeconds(10));
 * }</pre>
 */
public final class MutableClock extends Clock {
  /** Monday 2 March 2026, 09:00 UTC: a whole minute, so minute and interval boundaries are easy. */
  public static final Instant DEFAULT_START = Instant.parse("2026-03-02T09:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A UTC clock standing at {@code start}. */
  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(Checks.notNull(start, "start")), ZoneOffset.UTC);
  }

  /** A UTC clock standing at the ISO-8601 instant {@code start}, e.g. {@code 2026-03-02T09:00Z}. */
  public static MutableClock at(String start) {
    return at(Instant.parse(start));
  }

  /** A UTC clock standing at {@link #DEFAULT_START}. */
  public static MutableClock standard() {
    return at(DEFAULT_START);
  }

  /** Moves the clock forward (or back, for a negative amount) and returns the new instant. */
  public Instant advance(Duration amount) {
    Checks.notNull(amount, "amount");
    return now.updateAndGet(i -> i.plus(amount));
  }

  /** Puts the clock at {@code instant}. */
  public void set(Instant instant) {
    now.set(Checks.notNull(instant, "instant"));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public String toString() {
    return "MutableClock[" + now.get() + ", " + zone + "]";
  }
}
