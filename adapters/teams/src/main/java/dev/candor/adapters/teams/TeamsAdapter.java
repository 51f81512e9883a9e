package dev.candor.adapters.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.authentication.SimpleChannelProvider;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bot Framework adapter, built from {@link TeamsSettings} without Spring: it authenticates
 * incoming activities (a Bot Framework JWT is required whenever an app id is set) and replies
 * through the Bot Connector at each activity's {@code serviceUrl}. A single-tenant bot gets its
 * tokens from its own tenant.
 *
 * <pre>{@code
 * TeamsAdapter adapter = new TeamsAdapter(TeamsSettings.fromEnv(System.getenv()));
 * TeamsHttpHandler handler = new TeamsHttpHandler(adapter, new CandorBot(candor, adapter.settings()));
 * candor.register(new TeamsMessenger(candor, adapter));
 * }</pre>
 */
public final class TeamsAdapter extends BotFrameworkHttpAdapter {
  private static final Logger log = LoggerFactory.getLogger(TeamsAdapter.class);

  private final TeamsSettings settings;
  private final AppCredentials outbound;

  public TeamsAdapter(TeamsSettings settings) {
    this(settings, null);
  }

  /**
   * With {@code outbound} credentials instead of ones built from the settings: for tests, whose
   * fake connector cannot issue Microsoft Entra tokens.
   */
  TeamsAdapter(TeamsSettings settings, AppCredentials outbound) {
    super(
        new SimpleCredentialProvider(
            settings.appId().orElse(null), settings.appPassword().orElse(null)),
        new SimpleChannelProvider());
    this.settings = settings;
    this.outbound = outbound != null ? outbound : credentials(settings, null);
    // The SDK keeps the metadata URL in a static field; BotFrameworkHttpAdapter does the same.
    settings.openIdMetadataUrl().ifPresent(ChannelValidation::setOpenIdMetaDataUrl);
    if (settings.authenticates()) {
      log.info(
          "Teams: incoming activities must carry a Bot Framework token for app {}{}",
          settings.appId().get(),
          settings.tenantId().map(t -> " (single tenant " + t + ")").orElse(""));
    } else {
      log.warn(
          "Teams runs in LOCAL MODE: MICROSOFT_APP_ID is not set, so activities are NOT"
              + " authenticated and anyone who can reach /api/messages can act as anyone. Use it"
              + " only with the Bot Framework Emulator or tests, never on a network.");
    }
  }

  public TeamsSettings settings() {
    return settings;
  }

  /** The credentials for messages Candor starts itself: reminders, boards and summaries. */
  public AppCredentials outboundCredentials() {
    return outbound;
  }

  @Override
  protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
    if (appId != null && appId.equals(outbound.getAppId()) && scopeMatches(scope)) {
      return CompletableFuture.completedFuture(outbound);
    }
    return CompletableFuture.completedFuture(credentials(settings, scope));
  }

  private boolean scopeMatches(String scope) {
    return scope == null || scope.isEmpty() || scope.equals(outbound.oAuthScope());
  }

  private static AppCredentials credentials(TeamsSettings settings, String scope) {
    if (!settings.authenticates()) {
      return MicrosoftAppCredentials.empty();
    }
    return new MicrosoftAppCredentials(
        settings.appId().get(),
        settings.appPassword().get(),
        settings.tenantId().orElse(null),
        scope);
  }
}
