package dev.candor.bench.teams;

import com.microsoft.bot.builder.ActivityHandler;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import com.microsoft.bot.schema.Activity;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The baseline for Teams: a bare {@link BotFrameworkHttpAdapter} (no app id, like Candor's local
 * mode in this benchmark) with a bot whose message handler only notes who clicked, so the request
 * is answered 200; served by Javalin with the app's settings, reading the activity with the SDK's
 * {@link JacksonAdapter} as Candor's handler does.
 */
public final class BareBotFrameworkServer implements AutoCloseable {
  private final Javalin javalin;
  private final BotFrameworkHttpAdapter adapter =
      new BotFrameworkHttpAdapter(new SimpleCredentialProvider(), new SimpleChannelProvider());
  private final JacksonAdapter json = new JacksonAdapter();
  private final Set<String> clickers = ConcurrentHashMap.newKeySet();
  private final ActivityHandler bot =
      new ActivityHandler() {
        @Override
        protected CompletableFuture<Void> onMessageActivity(TurnContext turn) {
          clickers.add(turn.getActivity().getFrom().getId());
          return CompletableFuture.completedFuture(null);
        }
      };

  private BareBotFrameworkServer() {
    this.javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = 1_000_000L;
            });
    javalin.post(TeamsRequests.PATH, this::answer);
  }

  public static BareBotFrameworkServer start() {
    BareBotFrameworkServer server = new BareBotFrameworkServer();
    server.javalin.start("0.0.0.0", 0);
    return server;
  }

  private void answer(Context ctx) throws Exception {
    Activity activity = json.deserialize(ctx.body(), Activity.class);
    InvokeResponse invoke =
        adapter
            .processIncomingActivity(ctx.header("Authorization"), activity, bot)
            .get(14, TimeUnit.SECONDS);
    ctx.status(invoke == null ? 200 : invoke.getStatus())
        .contentType("application/json; charset=utf-8")
        .result("");
  }

  public int port() {
    return javalin.port();
  }

  /** The distinct people whose clicks reached the bot. */
  public int clickers() {
    return clickers.size();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
