package dev.candor.adapters.teams;

import com.microsoft.bot.restclient.RestException;
import dev.candor.core.delivery.DeliveryException;
import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what the Bot Connector answers into the core's {@link DeliveryException}: throttling (429,
 * 412) and gateway trouble (502, 504, other 5xx, timeouts, I/O) are temporary and carry the
 * connector's {@code Retry-After}; a removed bot or a gone conversation (403, 404) and malformed
 * requests are permanent. Messages name the operation and the status, never a payload.
 */
final class ConnectorFailures {
  private ConnectorFailures() {}

  static DeliveryException of(String operation, Throwable thrown) {
    Throwable cause = unwrap(thrown);
    if (cause instanceof RestException rest && rest.response() != null) {
      int status = rest.response().code();
      Optional<Duration> wait = retryAfter(rest.response().headers().get("Retry-After"));
      return forStatus(operation, status, wait);
    }
    // I/O failures, timeouts and anything else unexpected: worth another try later.
    return DeliveryException.temporary(operation + ": " + cause.getClass().getSimpleName(), null);
  }

  static DeliveryException forStatus(String operation, int status, Optional<Duration> retryAfter) {
    String reason = operation + ": HTTP " + status + meaning(status);
    if (status == 429 || status == 412 || status == 408 || status >= 500) {
      return retryAfter.isPresent()
          ? DeliveryException.retryAfter(reason, retryAfter.get())
          : DeliveryException.temporary(reason, null);
    }
    return DeliveryException.permanent(reason);
  }

  private static String meaning(int status) {
    return switch (status) {
      case 401 -> " (check MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD)";
      case 403 -> " (Candor was removed or may not post there)";
      case 404 -> " (the conversation no longer exists)";
      case 412 -> " (Teams asked to slow down)";
      case 413 -> " (the message is too large)";
      case 429 -> " (rate limited)";
      default -> "";
    };
  }

  /** {@code Retry-After} as seconds or as an HTTP date; empty if absent or unreadable. */
  static Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    // The credentials interceptor wraps token failures in an IOException; keep looking for a
    // status.
    if (cause instanceof IOException && cause.getCause() instanceof RestException) {
      return cause.getCause();
    }
    return cause;
  }
}
