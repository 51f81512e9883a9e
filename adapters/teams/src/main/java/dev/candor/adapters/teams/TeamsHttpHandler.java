package dev.candor.adapters.teams;

import com.auth0.jwt.exceptions.JWTVerificationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TaskModuleRequest;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams endpoint without a web framework: give it the {@code Authorization} header and the raw
 * JSON body of a {@code POST /api/messages}, write back the {@link Response}. Invokes (buttons and
 * dialogs) answer with their {@code InvokeResponse}; every other activity with 200 and no body. An
 * activity that fails authentication gets 401 and is not processed.
 *
 * <pre>{@code
 * app.post("/api/messages", ctx -> {
 *   TeamsHttpHandler.Response r = handler.handle(ctx.header("Authorization"), ctx.body());
 *   ctx.status(r.status()).contentType(r.contentType()).result(r.body());
 * });
 * }</pre>
 */
public final class TeamsHttpHandler {
  private static final Logger log = LoggerFactory.getLogger(TeamsHttpHandler.class);

  /** Teams gives up on a bot after 15 seconds; answer before it does. */
  private static final long DEADLINE_SECONDS = 14;

  private final TeamsAdapter adapter;
  private final Bot bot;
  private final JacksonAdapter json = new JacksonAdapter();

  public TeamsHttpHandler(TeamsAdapter adapter, Bot bot) {
    this.adapter = adapter;
    this.bot = bot;
  }

  /** What to answer: a status and a JSON body (empty when there is nothing to say). */
  public record Response(int status, String body) {
    public String contentType() {
      return "application/json; charset=utf-8";
    }
  }

  public Response handle(String authorization, String body) {
    Activity activity;
    try {
      activity = body == null ? null : json.deserialize(body, Activity.class);
    } catch (IOException | RuntimeException e) {
      activity = null;
    }
    if (activity == null || activity.getType() == null) {
      return new Response(400, "{\"error\":\"the body is not a Bot Framework activity\"}");
    }
    Activity read = activity;
    Optional<String> problem = TeamsActivities.problem(read).or(() -> shapeProblem(read));
    if (problem.isPresent()) {
      return new Response(400, "{\"error\":\"" + problem.get() + "\"}");
    }
    try {
      InvokeResponse invoke =
          adapter
              .processIncomingActivity(authorization, activity, bot)
              .get(DEADLINE_SECONDS, TimeUnit.SECONDS);
      Response response = invoke == null ? new Response(200, "") : respond(invoke);
      log.debug(
          "Teams {} {} answered {}",
          activity.getType(),
          activity.getName() == null ? "" : activity.getName(),
          response.status());
      return response;
    } catch (ExecutionException e) {
      return failed(activity, e.getCause());
    } catch (TimeoutException e) {
      log.warn(
          "Teams activity of type {} took longer than {} s", activity.getType(), DEADLINE_SECONDS);
      return new Response(503, "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(503, "");
    } catch (RuntimeException e) {
      // The SDK checks some tokens before it returns its future.
      return failed(activity, e);
    }
  }

  /**
   * Parts the SDK reads into its own types later, where a wrong shape would make it answer 500 with
   * its exception's message: the Teams channel data, and a dialog invoke's value.
   */
  private Optional<String> shapeProblem(Activity activity) {
    // Read exactly as the SDK will read them, with its own mappers.
    try {
      activity.getChannelData(TeamsChannelData.class);
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.of("the activity's channelData is not Teams channel data");
    }
    if (!"invoke".equals(activity.getType()) || !activity.getName().startsWith("task/")) {
      return Optional.empty();
    }
    try {
      Serialization.safeGetAs(activity.getValue(), TaskModuleRequest.class);
      return Optional.empty();
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.of("the invoke's value is not a task module request");
    }
  }

  private Response respond(InvokeResponse invoke) {
    if (invoke.getStatus() == 501) {
      // The SDK's answer to an invoke no handler takes (no name, or one Candor has no use for): the
      // request is what is wrong, not the server.
      return new Response(400, "{\"error\":\"Candor does not handle this invoke\"}");
    }
    try {
      String body = invoke.getBody() == null ? "" : json.serialize(invoke.getBody());
      return new Response(invoke.getStatus(), body == null ? "" : body);
    } catch (IOException e) {
      log.error("an invoke response could not be written: {}", e.getClass().getName());
      return new Response(500, "");
    }
  }

  private Response failed(Activity activity, Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException || cause instanceof ExecutionException) {
      if (cause.getCause() == null) {
        break;
      }
      cause = cause.getCause();
    }
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException || t instanceof JWTVerificationException) {
        log.info("refused a Teams activity that failed authentication");
        return new Response(401, "");
      }
    }
    if (cause instanceof IllegalArgumentException) {
      return new Response(400, "");
    }
    // Class name only: SDK and storage messages can carry payload text.
    log.error(
        "Teams activity of type {} failed: {}", activity.getType(), cause.getClass().getName());
    return new Response(500, "");
  }
}
