package dev.candor.app.platform;

import dev.candor.adapters.slack.SlackAdapter;
import dev.candor.adapters.slack.SlackHttpHandler;
import dev.candor.adapters.slack.SlackSettings;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.Secret;
import dev.candor.core.Candor;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Slack in the app: the adapter from configuration, its messenger, and its HTTP route. */
public final class SlackPlatform implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackPlatform.class);
  public static final String EVENTS_PATH = "/slack/events";

  /**
   * The largest body accepted at {@link #EVENTS_PATH}: 1 MiB. Slack's own payloads are small, but
   * it puts the whole message into each click on it: a click on Candor's fullest board (as many
   * questions as 50 blocks hold, each with its answer) in CJK text, which form-encoding makes 9
   * bytes a character, is about 410 KiB ({@code WebhookLimitsTest} computes it).
   */
  public static final long MAX_BODY = 1024 * 1024;

  private final SlackAdapter adapter;
  private final SlackSettings settings;

  private SlackPlatform(SlackAdapter adapter, SlackSettings settings) {
    this.adapter = adapter;
    this.settings = settings;
  }

  /** Slack as configured, or empty when its credentials are not set. */
  public static Optional<SlackPlatform> from(CandorConfig config, Candor candor) {
    CandorConfig.Slack slack = config.slack();
    if (!slack.configured()) {
      return Optional.empty();
    }
    SlackSettings settings =
        new SlackSettings(
            slack.botToken().map(Secret::reveal).orElseThrow(),
            slack.signingSecret().map(Secret::reveal),
            slack.appToken().map(Secret::reveal),
            slack.apiUrl().toString(),
            SlackSettings.DEFAULT_CHANNEL_PACE);
    SlackAdapter adapter = new SlackAdapter(settings, candor);
    candor.register(adapter.messenger());
    return Optional.of(new SlackPlatform(adapter, settings));
  }

  /** Mounts {@code POST /slack/events} (HTTP mode; harmless in Socket Mode). */
  public void routes(Javalin app) {
    app.post(EVENTS_PATH, ctx -> answer(ctx, adapter.httpHandler()));
  }

  /** Checks the token and, in Socket Mode, connects; call once the core has started. */
  public void start() throws Exception {
    adapter.verifyToken();
    if (settings.socketMode()) {
      adapter.startSocketMode();
      log.warn("Slack: Socket Mode connected");
    } else {
      log.warn("Slack: HTTP mode, events expected at POST {}", EVENTS_PATH);
    }
  }

  static void answer(Context ctx, SlackHttpHandler handler) {
    Map<String, List<String>> headers =
        ctx.headerMap().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    SlackHttpHandler.Response r =
        handler.handle("POST", ctx.path(), ctx.queryString(), headers, ctx.body());
    r.headers().forEach((name, values) -> values.forEach(v -> ctx.header(name, v)));
    ctx.status(r.status()).result(r.body() == null ? "" : r.body());
  }

  public SlackAdapter adapter() {
    return adapter;
  }

  /** Disconnects Socket Mode and finishes the work of requests already acknowledged. */
  public void stopIntake() {
    adapter.stopIntake();
  }

  @Override
  public void close() {
    adapter.close();
  }
}
