package dev.candor.core.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed delivery as a {@link Messenger} reports it: permanent (channel gone, bot removed: stop
 * trying and tell the moderators) or temporary (retry, not before {@code retryAfter} if the
 * platform said so).
 */
public final class DeliveryException extends Exception {
  private final boolean permanent;
  private final Duration retryAfter;

  private DeliveryException(
      String reason, boolean permanent, Duration retryAfter, Throwable cause) {
    super(reason, cause);
    this.permanent = permanent;
    this.retryAfter = retryAfter;
  }

  public static DeliveryException permanent(String reason) {
    return new DeliveryException(reason, true, null, null);
  }

  public static DeliveryException temporary(String reason, Throwable cause) {
    return new DeliveryException(reason, false, null, cause);
  }

  /** A rate limit or overload answer with the platform's {@code Retry-After}. */
  public static DeliveryException retryAfter(String reason, Duration retryAfter) {
    return new DeliveryException(reason, false, retryAfter, null);
  }

  public boolean isPermanent() {
    return permanent;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
