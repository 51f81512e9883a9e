package dev.candor.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.RequestVerification;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.response.auth.AuthTestResponse;
import dev.candor.adapters.slack.ask.AskFlow;
import dev.candor.adapters.slack.board.BoardActions;
import dev.candor.adapters.slack.command.SlashCommand;
import dev.candor.adapters.slack.home.AppHome;
import dev.candor.adapters.slack.interaction.Interactions;
import dev.candor.adapters.slack.schedule.ScheduleFlow;
import dev.candor.core.Candor;
import dev.candor.core.Checks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor on Slack, through Bolt for Java: the slash command, the modals, the App Home, the live
 * board's buttons, and the outbound {@link SlackMessenger}.
 *
 * <p>The launcher builds one per workspace and then either mounts {@link #httpHandler()} at {@code
 * POST /slack/events} (HTTP mode) or calls {@link #startSocketMode()} (when an app token is set):
 *
 * <pre>{@code
 * SlackSettings settings = SlackSettings.fromEnvironment(System.getenv()).orElseThrow();
 * SlackAdapter slack = new SlackAdapter(settings, candor);
 * candor.register(slack.messenger());
 * slack.verifyToken();
 * if (settings.socketMode()) slack.startSocketMode(); else mount(slack.httpHandler());
 * ...
 * slack.close();
 * }</pre>
 *
 * <p>Nothing here logs a payload, a user id or question text: Bolt's verifier and the Slack SDK's
 * HTTP listeners, which log whole bodies at DEBUG, are replaced by quiet ones.
 */
public final class SlackAdapter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SlackAdapter.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** How long a slash command may run before it is answered late, through the response_url. */
  static final Duration COMMAND_BUDGET = SlashCommand.BUDGET;

  /** Deliveries remembered to drop Slack's redeliveries. */
  static final int DEDUPE_WINDOW = 10_000;

  private final SlackSettings settings;
  private final Slack slack;
  private final App app;
  private final ExecutorService background;
  private final SlackHttpHandler http;
  private final SlackMessenger messenger;
  private SocketModeApp socketMode;

  public SlackAdapter(SlackSettings settings, Candor candor) {
    this(settings, candor, Clock.systemUTC(), COMMAND_BUDGET);
  }

  SlackAdapter(SlackSettings settings, Candor candor, Clock clock, Duration commandBudget) {
    this(settings, candor, clock, commandBudget, backgroundPool());
  }

  /**
   * With {@code background} running the work done after acknowledging; tests give one that tells
   * when that work is done. The adapter shuts it down on {@link #close()}.
   */
  SlackAdapter(
      SlackSettings settings,
      Candor candor,
      Clock clock,
      Duration commandBudget,
      ExecutorService background) {
    this.settings = Checks.notNull(settings, "settings");
    Checks.notNull(candor, "candor");
    this.slack = Slack.getInstance(slackConfig(settings));
    SignatureCheck signatures =
        settings.signingSecret().map(s -> new SignatureCheck(s, clock)).orElse(null);
    AppConfig config =
        AppConfig.builder()
            .singleTeamBotToken(settings.botToken())
            .signingSecret(settings.signingSecret().orElse(null))
            .slack(slack)
            .build();
    this.app = new App(config, slack, middleware(settings, signatures));
    this.background = Checks.notNull(background, "background");
    Interactions in = new Interactions(candor, background);
    AskFlow ask = new AskFlow(in);
    ScheduleFlow schedule = new ScheduleFlow(in);
    ask.register(app);
    schedule.register(app);
    new SlashCommand(in, ask, schedule, commandBudget).register(app);
    new BoardActions(in).register(app);
    new AppHome(in).register(app);
    this.http = new SlackHttpHandler(app, signatures);
    this.messenger =
        new SlackMessenger(
            slack.methods(settings.botToken()), ChannelPace.real(settings.channelPace()));
  }

  private static ExecutorService backgroundPool() {
    return Executors.newFixedThreadPool(
        4,
        r -> {
          Thread t = new Thread(r, "candor-slack-" + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** HTTP mode: hand it every request that arrives at {@code POST /slack/events}. */
  public SlackHttpHandler httpHandler() {
    return http;
  }

  /** The outbound port; register it with {@link Candor#register}. */
  public SlackMessenger messenger() {
    return messenger;
  }

  /**
   * Checks the bot token with {@code auth.test} and returns the workspace id; fails with Slack's
   * error code (never the token) when Slack refuses it.
   */
  public String verifyToken() throws Exception {
    AuthTestResponse r = slack.methods(settings.botToken()).authTest(q -> q);
    if (!r.isOk()) {
      throw new IllegalStateException("Slack refused SLACK_BOT_TOKEN: " + r.getError());
    }
    return r.getTeamId();
  }

  /** Connects over Socket Mode (needs the app token) and returns once connected. */
  public synchronized void startSocketMode() throws Exception {
    String token =
        settings
            .appToken()
            .orElseThrow(() -> new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN"));
    if (socketMode == null) {
      socketMode = new SocketModeApp(token, app, 4);
      socketMode.startAsync();
      log.info("connected to Slack over Socket Mode");
    }
  }

  /**
   * Stops taking requests and lets the work already acknowledged finish (up to 5 s): disconnects
   * Socket Mode and drains the threads that answer after the ack. The Web API client stays open, so
   * that the outbox can still deliver; {@link #close()} closes it.
   */
  public synchronized void stopIntake() {
    if (background.isShutdown()) {
      return;
    }
    if (socketMode != null) {
      try {
        socketMode.close();
      } catch (Exception e) {
        log.warn("Socket Mode did not close cleanly: {}", e.getClass().getName());
      }
      socketMode = null;
    }
    app.stop();
    background.shutdown();
    try {
      if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
        background.shutdownNow();
      }
    } catch (InterruptedException e) {
      background.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** {@link #stopIntake()}, then closes the Web API client. */
  @Override
  public synchronized void close() {
    stopIntake();
    try {
      slack.close();
    } catch (Exception e) {
      log.warn("the Slack client did not close cleanly: {}", e.getClass().getName());
    }
  }

  /** The Web API client settings: where Slack is, and no logging of bodies. */
  static SlackConfig slackConfig(SlackSettings settings) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(settings.apiUrl());
    config.setHttpClientResponseHandlers(new ArrayList<>(List.of(new QuietHttpLogging())));
    config.setPrettyResponseLoggingEnabled(false);
    config.setStatsEnabled(false);
    return config;
  }

  /**
   * Bolt's default chain, with quiet parts: ssl_check, Bolt's signature verification with a strict
   * and quiet verifier, our redelivery filter, and the bot token. Bolt's own verifier and
   * SingleTeamAuthorization log bodies or user ids.
   */
  private static List<Middleware> middleware(SlackSettings settings, SignatureCheck signatures) {
    List<Middleware> chain = new ArrayList<>();
    chain.add(new SSLCheck(null));
    chain.add(
        new RequestVerification(
            signatures != null
                ? signatures
                : new SignatureCheck("no-signing-secret-" + System.nanoTime(), Clock.systemUTC())));
    chain.add(new Deduplication(DEDUPE_WINDOW));
    chain.add(new BotToken(settings.botToken()));
    return chain;
  }
}
