package dev.candor.app.platform;

import dev.candor.adapters.teams.CandorBot;
import dev.candor.adapters.teams.TeamsAdapter;
import dev.candor.adapters.teams.TeamsHttpHandler;
import dev.candor.adapters.teams.TeamsMessenger;
import dev.candor.adapters.teams.TeamsSettings;
import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.Secret;
import dev.candor.core.Candor;
import io.javalin.Javalin;
import java.util.Map;
import java.util.Optional;

/** Microsoft Teams in the app: the Bot Framework adapter, its messenger and its HTTP route. */
public final class TeamsPlatform {
  public static final String MESSAGES_PATH = "/api/messages";

  /**
   * The largest body accepted at {@link #MESSAGES_PATH}: 256 KiB. Teams caps a message at about 28
   * KB and sends a card's or dialog's submitted data, not the card, so activities stay far below
   * it; the rest is headroom for the activity's envelope (ids, entities, channel data).
   */
  public static final long MAX_BODY = 256 * 1024;

  private final TeamsHttpHandler handler;

  private TeamsPlatform(TeamsHttpHandler handler) {
    this.handler = handler;
  }

  /** Teams as configured (an app id and its password), or empty. */
  public static Optional<TeamsPlatform> from(
      CandorConfig config, Map<String, String> env, Candor candor) {
    CandorConfig.Teams teams = config.teams();
    if (!teams.configured()) {
      return Optional.empty();
    }
    TeamsSettings settings =
        new TeamsSettings(
            teams.appId(),
            teams.appPassword().map(Secret::reveal),
            teams.tenantId(),
            Optional.ofNullable(env.get(TeamsSettings.OPENID_METADATA)));
    TeamsAdapter adapter = new TeamsAdapter(settings);
    candor.register(new TeamsMessenger(candor, adapter));
    return Optional.of(
        new TeamsPlatform(new TeamsHttpHandler(adapter, new CandorBot(candor, settings))));
  }

  /** Mounts {@code POST /api/messages}, answering with the bot's status and invoke body. */
  public void routes(Javalin app) {
    app.post(
        MESSAGES_PATH,
        ctx -> {
          TeamsHttpHandler.Response r = handler.handle(ctx.header("Authorization"), ctx.body());
          ctx.status(r.status()).contentType(r.contentType()).result(r.body());
        });
  }
}
