package dev.candor.bench.teams;

import dev.candor.adapters.teams.CandorBot;
import dev.candor.adapters.teams.TeamsAdapter;
import dev.candor.adapters.teams.TeamsHttpHandler;
import dev.candor.adapters.teams.TeamsMessenger;
import dev.candor.adapters.teams.TeamsSettings;
import dev.candor.app.CandorRuntime;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.ConfigLoader;
import dev.candor.app.http.HttpServer;
import dev.candor.bench.http.LoadGenerator;
import dev.candor.bench.support.TownHall;
import dev.candor.core.Candor;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Candor for Teams in this process: {@link CandorRuntime} on the embedded H2 file and the app's
 * {@link HttpServer}, with the Teams adapter mounted at {@code POST /api/messages} as the app's
 * {@code TeamsPlatform} mounts it, its messenger registered, scheduler and outbox worker running.
 *
 * <p>One difference from {@code serve}: the adapter runs in local mode (no app id), because with an
 * app id the SDK would fetch its outbound tokens from Microsoft Entra, which a loopback-only
 * benchmark must not reach, and the app offers no way to give it other credentials. Incoming
 * activities are then not authenticated; the bare baseline runs the same way.
 */
public final class CandorTeamsServer implements AutoCloseable {
  public static final String ORGANIZER = "aad-organizer";

  private final CandorRuntime runtime;
  private final HttpServer http;
  private final TownHall.Scene scene;

  private CandorTeamsServer(CandorRuntime runtime, HttpServer http, TownHall.Scene scene) {
    this.runtime = runtime;
    this.http = http;
    this.scene = scene;
  }

  public static CandorTeamsServer start(Path dataDir, String serviceUrl)
      throws InterruptedException {
    Map<String, String> env =
        Map.of(
            "CANDOR_DATA_DIR",
            dataDir.toAbsolutePath().toString(),
            "CANDOR_ORGANIZERS",
            "teams:" + ORGANIZER);
    CandorConfig config = ConfigLoader.load(Optional.empty(), env, dataDir);
    CandorRuntime runtime = CandorRuntime.open(config, config.toSettings(), Clock.systemUTC());
    HttpServer http = new HttpServer(runtime.candor());
    TeamsSettings settings = TeamsSettings.local();
    TeamsAdapter adapter = new TeamsAdapter(settings);
    runtime.register(new TeamsMessenger(runtime.candor(), adapter));
    TeamsHttpHandler handler =
        new TeamsHttpHandler(adapter, new CandorBot(runtime.candor(), settings));
    http.routes(
        app ->
            app.post(
                TeamsRequests.PATH,
                ctx -> {
                  TeamsHttpHandler.Response r =
                      handler.handle(ctx.header("Authorization"), ctx.body());
                  ctx.status(r.status()).contentType(r.contentType()).result(r.body());
                }));
    runtime.start();
    http.start(0);
    LoadGenerator.Result installed =
        LoadGenerator.run(
            http.port(),
            1,
            i -> TeamsRequests.installed(http.port(), serviceUrl),
            1,
            Duration.ofSeconds(30));
    if (installed.ok() != 1) {
      throw new IllegalStateException("Candor refused the installation activity");
    }
    TownHall.Scene scene =
        TownHall.open(
            runtime.candor(),
            new Actor(Platform.TEAMS, TeamsRequests.TENANT, ORGANIZER),
            new ChannelRef(Platform.TEAMS, TeamsRequests.CHANNEL),
            i ->
                new Actor(
                    Platform.TEAMS, TeamsRequests.TENANT, String.format("aad-asker-%04d", i)));
    return new CandorTeamsServer(runtime, http, scene);
  }

  public int port() {
    return http.port();
  }

  public Candor candor() {
    return runtime.candor();
  }

  public TownHall.Scene scene() {
    return scene;
  }

  @Override
  public void close() {
    try {
      http.close();
    } finally {
      runtime.close();
    }
  }
}
