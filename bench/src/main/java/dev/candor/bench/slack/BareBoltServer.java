package dev.candor.bench.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.candor.adapters.slack.render.Ids;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The baseline for Slack: a bare Bolt app (Bolt's default middleware: ssl_check, signature
 * verification, single-team authorization, self-event filter) whose only handler acknowledges the
 * upvote button, served by Javalin with the app's settings through {@link SlackRequestParser} and
 * {@link App#run}, just as Candor's route serves its adapter. It remembers who clicked, so that its
 * run is checked for lost clicks like Candor's.
 */
public final class BareBoltServer implements AutoCloseable {
  private final Javalin javalin;
  private final App app;
  private final Set<String> clickers = ConcurrentHashMap.newKeySet();

  private BareBoltServer(FakeSlackWebApi api) {
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(api.apiUrl());
    slackConfig.setStatsEnabled(false);
    Slack slack = Slack.getInstance(slackConfig);
    this.app =
        new App(
            AppConfig.builder()
                .singleTeamBotToken(SlackRequests.BOT_TOKEN)
                .signingSecret(SlackRequests.SECRET)
                .slack(slack)
                .build());
    app.blockAction(
        Ids.Board.UPVOTE,
        (req, ctx) -> {
          clickers.add(req.getPayload().getUser().getId());
          return ctx.ack();
        });
    SlackRequestParser parser = new SlackRequestParser(app.config());
    this.javalin =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.http.maxRequestSize = 1_000_000L;
            });
    javalin.post(SlackRequests.PATH, ctx -> answer(ctx, parser));
  }

  public static BareBoltServer start(FakeSlackWebApi api) {
    BareBoltServer server = new BareBoltServer(api);
    server.app.start();
    server.javalin.start("0.0.0.0", 0);
    return server;
  }

  private void answer(Context ctx, SlackRequestParser parser) throws Exception {
    Map<String, List<String>> headers =
        ctx.headerMap().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    Request<?> request =
        parser.parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(
                    ctx.queryString() == null
                        ? Map.of()
                        : QueryStringParser.toMap(ctx.queryString()))
                .headers(new RequestHeaders(headers))
                .requestBody(ctx.body())
                .build());
    Response r = app.run(request);
    if (r.getContentType() != null) {
      ctx.contentType(r.getContentType());
    }
    ctx.status(r.getStatusCode() == null ? 200 : r.getStatusCode())
        .result(r.getBody() == null ? "" : r.getBody());
  }

  public int port() {
    return javalin.port();
  }

  /** The distinct users whose clicks reached the handler. */
  public int clickers() {
    return clickers.size();
  }

  @Override
  public void close() {
    javalin.stop();
    app.stop();
  }
}
