package dev.candor.bench.slack;

import dev.candor.app.CandorRuntime;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.ConfigLoader;
import dev.candor.app.http.HttpServer;
import dev.candor.app.platform.Platforms;
import dev.candor.bench.support.TownHall;
import dev.candor.core.Candor;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Candor wired exactly as {@code java -jar candor.jar serve} wires it (configuration from the
 * environment, {@link CandorRuntime} on the embedded H2 file, the app's {@link HttpServer} with
 * {@link Platforms} mounting Slack at {@code POST /slack/events}, scheduler and outbox worker
 * running), in this process and pointed at a {@link FakeSlackWebApi}; with an open town hall in the
 * Slack channel the votes are cast in.
 */
public final class CandorSlackServer implements AutoCloseable {
  public static final String ORGANIZER = "U0ORGANIZER";

  private final CandorRuntime runtime;
  private final HttpServer http;
  private final Platforms platforms;
  private final TownHall.Scene scene;

  private CandorSlackServer(
      CandorRuntime runtime, HttpServer http, Platforms platforms, TownHall.Scene scene) {
    this.runtime = runtime;
    this.http = http;
    this.platforms = platforms;
    this.scene = scene;
  }

  /** The environment {@code serve} would get for Slack in HTTP mode against {@code api}. */
  public static Map<String, String> environment(FakeSlackWebApi api, Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("CANDOR_DATA_DIR", dataDir.toAbsolutePath().toString());
    env.put("SLACK_BOT_TOKEN", SlackRequests.BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SlackRequests.SECRET);
    env.put("CANDOR_SLACK_API_URL", api.apiUrl());
    env.put("CANDOR_ORGANIZERS", "slack:" + ORGANIZER);
    return env;
  }

  public static CandorSlackServer start(FakeSlackWebApi api, Path dataDir) throws Exception {
    Map<String, String> env = environment(api, dataDir);
    CandorConfig config = ConfigLoader.load(Optional.empty(), env, dataDir);
    CandorRuntime runtime = CandorRuntime.open(config, config.toSettings(), Clock.systemUTC());
    HttpServer http = new HttpServer(runtime.candor());
    Platforms platforms = Platforms.from(config, env, runtime.candor());
    platforms.routes(http);
    runtime.start();
    http.start(0);
    platforms.start();
    TownHall.Scene scene = townHall(runtime.candor());
    return new CandorSlackServer(runtime, http, platforms, scene);
  }

  /** The open session in {@link SlackRequests#CHANNEL}, asked by Slack users of the workspace. */
  public static TownHall.Scene townHall(Candor candor) {
    return TownHall.open(
        candor,
        new Actor(Platform.SLACK, FakeSlackWebApi.TEAM, ORGANIZER),
        new ChannelRef(Platform.SLACK, SlackRequests.CHANNEL),
        i -> new Actor(Platform.SLACK, FakeSlackWebApi.TEAM, String.format("UASKER%04d", i)));
  }

  public int port() {
    return http.port();
  }

  public Candor candor() {
    return runtime.candor();
  }

  /** The app's own connection pool. */
  public javax.sql.DataSource dataSource() {
    return runtime.database().dataSource();
  }

  public TownHall.Scene scene() {
    return scene;
  }

  @Override
  public void close() {
    try {
      http.close();
      platforms.close();
    } finally {
      runtime.close();
    }
  }
}
