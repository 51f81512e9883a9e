package dev.candor.adapters.slack;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.candor.core.delivery.DeliveryException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Calls one Web API method and turns what can go wrong into the core's {@link DeliveryException}: a
 * gone channel or a revoked token is permanent, a rate limit carries Slack's {@code Retry-After},
 * and server errors and I/O failures are temporary. Messages name the method and Slack's error
 * code, never a payload.
 */
final class SlackFailures {
  /** Errors that no retry can fix. */
  static final Set<String> PERMANENT =
      Set.of(
          "channel_not_found",
          "not_in_channel",
          "is_archived",
          "account_inactive",
          "invalid_auth",
          "not_authed",
          "token_revoked",
          "token_expired",
          "missing_scope",
          "no_permission",
          "restricted_action",
          "user_not_found",
          "user_disabled",
          "cannot_dm_bot",
          "message_not_found",
          "cant_update_message",
          "msg_too_long",
          "invalid_blocks",
          "invalid_blocks_format",
          "invalid_arguments",
          "team_access_not_granted",
          "ekm_access_denied");

  private SlackFailures() {}

  /** One Web API call. */
  @FunctionalInterface
  interface Call<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  static <T extends SlackApiTextResponse> T call(String method, Call<T> call)
      throws DeliveryException {
    try {
      T response = call.run();
      if (response.isOk()) {
        return response;
      }
      throw forError(method, response.getError());
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        return throwRateLimited(method, e.getResponse().header("Retry-After"));
      }
      if (status >= 500) {
        throw DeliveryException.temporary(method + ": HTTP " + status, null);
      }
      String error = e.getError() != null ? e.getError().getError() : null;
      throw error != null
          ? forError(method, error)
          : DeliveryException.permanent(method + ": HTTP " + status);
    } catch (IOException e) {
      throw DeliveryException.temporary(method + ": " + e.getClass().getSimpleName(), e);
    }
  }

  static DeliveryException forError(String method, String error) {
    String code = error == null ? "unknown_error" : error;
    if (code.equals("ratelimited")) {
      return DeliveryException.retryAfter(method + ": ratelimited", Duration.ofSeconds(1));
    }
    return PERMANENT.contains(code)
        ? DeliveryException.permanent(method + ": " + code)
        : DeliveryException.temporary(method + ": " + code, null);
  }

  private static <T> T throwRateLimited(String method, String retryAfter) throws DeliveryException {
    Optional<Duration> wait = seconds(retryAfter);
    throw wait.isPresent()
        ? DeliveryException.retryAfter(method + ": ratelimited", wait.get())
        : DeliveryException.temporary(method + ": ratelimited", null);
  }

  static Optional<Duration> seconds(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      long s = Long.parseLong(header.trim());
      return s >= 0 ? Optional.of(Duration.ofSeconds(s)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
