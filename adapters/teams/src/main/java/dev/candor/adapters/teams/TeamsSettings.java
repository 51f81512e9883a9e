package dev.candor.adapters.teams;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Teams credentials: the Azure Bot's Microsoft App ID and client secret, and for a
 * single-tenant bot its Microsoft Entra tenant. With an app id, every incoming activity must carry
 * a valid Bot Framework JWT; without one the bot runs in local mode (for the Bot Framework Emulator
 * and tests), unauthenticated.
 *
 * @param appId {@code MICROSOFT_APP_ID}
 * @param appPassword {@code MICROSOFT_APP_PASSWORD}; required with an app id
 * @param tenantId {@code MICROSOFT_APP_TENANT_ID}: the tenant a single-tenant bot gets its tokens
 *     from, and where it sends moderator summaries
 * @param openIdMetadataUrl where the Bot Framework's signing keys are published; empty for the
 *     public cloud's ({@code BOT_OPENID_METADATA}, for sovereign clouds and tests)
 */
public record TeamsSettings(
    Optional<String> appId,
    Optional<String> appPassword,
    Optional<String> tenantId,
    Optional<String> openIdMetadataUrl) {

  public static final String APP_ID = "MICROSOFT_APP_ID";
  public static final String APP_PASSWORD = "MICROSOFT_APP_PASSWORD";
  public static final String TENANT_ID = "MICROSOFT_APP_TENANT_ID";
  public static final String OPENID_METADATA = "BOT_OPENID_METADATA";

  public TeamsSettings {
    appId = blankless(appId, "appId");
    appPassword = blankless(appPassword, "appPassword");
    tenantId = blankless(tenantId, "tenantId");
    openIdMetadataUrl = blankless(openIdMetadataUrl, "openIdMetadataUrl");
    if (appId.isPresent() && appPassword.isEmpty()) {
      throw new IllegalArgumentException(
          APP_PASSWORD + " must be set when " + APP_ID + " is: the bot needs it to reply");
    }
    if (appId.isEmpty() && (appPassword.isPresent() || tenantId.isPresent())) {
      throw new IllegalArgumentException(
          APP_ID + " must be set when " + APP_PASSWORD + " or " + TENANT_ID + " is");
    }
  }

  /** Reads the four variables from an environment map such as {@link System#getenv()}. */
  public static TeamsSettings fromEnv(Map<String, String> env) {
    return new TeamsSettings(
        Optional.ofNullable(env.get(APP_ID)),
        Optional.ofNullable(env.get(APP_PASSWORD)),
        Optional.ofNullable(env.get(TENANT_ID)),
        Optional.ofNullable(env.get(OPENID_METADATA)));
  }

  /** Authenticated, for the public cloud; {@code tenantId} may be null (multi-tenant). */
  public static TeamsSettings of(String appId, String appPassword, String tenantId) {
    return new TeamsSettings(
        Optional.of(appId),
        Optional.of(appPassword),
        Optional.ofNullable(tenantId),
        Optional.empty());
  }

  /** Local mode: no app id, no authentication. Never for a bot reachable from a network. */
  public static TeamsSettings local() {
    return new TeamsSettings(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public TeamsSettings withOpenIdMetadataUrl(String url) {
    return new TeamsSettings(appId, appPassword, tenantId, Optional.of(url));
  }

  /** Whether incoming activities are authenticated: whenever an app id is set. */
  public boolean authenticates() {
    return appId.isPresent();
  }

  @Override
  public String toString() {
    return "TeamsSettings[appId="
        + appId.orElse("(none: local mode)")
        + ", appPassword="
        + (appPassword.isPresent() ? "<redacted>" : "(none)")
        + ", tenantId="
        + tenantId.orElse("(any)")
        + "]";
  }

  private static Optional<String> blankless(Optional<String> value, String name) {
    return Objects.requireNonNull(value, name + " may not be null")
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }
}
