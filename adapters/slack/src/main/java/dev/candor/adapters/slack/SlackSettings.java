package dev.candor.adapters.slack;

import dev.candor.core.Checks;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How Candor reaches one Slack workspace. The launcher fills it from the usual Bolt variables (see
 * {@link #fromEnvironment}); tests point {@link #apiUrl} at a local fake of the Web API.
 *
 * @param botToken the bot token, {@code xoxb-...}
 * @param signingSecret the signing secret that HTTP requests are verified with; may be empty in
 *     Socket Mode, and then every HTTP request is refused
 * @param appToken the app-level token, {@code xapp-...}, for Socket Mode; empty for HTTP mode
 * @param apiUrl where the Web API lives, ending in {@code /}; Slack's own by default
 * @param channelPace the least time between two posts to one channel (Slack allows about one
 *     message per second per channel)
 */
public record SlackSettings(
    String botToken,
    Optional<String> signingSecret,
    Optional<String> appToken,
    String apiUrl,
    Duration channelPace) {

  /** Slack's own Web API. */
  public static final String SLACK_API_URL = "https://slack.com/api/";

  /** Slack's posting limit: about one message per second per channel. */
  public static final Duration DEFAULT_CHANNEL_PACE = Duration.ofSeconds(1);

  public SlackSettings {
    Checks.notBlank(botToken, "botToken");
    Checks.notNull(signingSecret, "signingSecret");
    Checks.notNull(appToken, "appToken");
    Checks.notBlank(apiUrl, "apiUrl");
    Checks.notNull(channelPace, "channelPace");
    Checks.check(!channelPace.isNegative(), "channelPace may not be negative");
    Checks.check(
        apiUrl.startsWith("http://") || apiUrl.startsWith("https://"),
        "apiUrl must be an http(s) URL, e.g. " + SLACK_API_URL);
    signingSecret = signingSecret.filter(s -> !s.isBlank());
    appToken = appToken.filter(s -> !s.isBlank());
    Checks.check(
        signingSecret.isPresent() || appToken.isPresent(),
        "Slack needs a signing secret (HTTP mode) or an app token (Socket Mode)");
    apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
  }

  /** HTTP mode against Slack itself. */
  public static SlackSettings http(String botToken, String signingSecret) {
    return new SlackSettings(
        botToken,
        Optional.of(signingSecret),
        Optional.empty(),
        SLACK_API_URL,
        DEFAULT_CHANNEL_PACE);
  }

  /**
   * Reads {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN} and {@code
   * CANDOR_SLACK_API_URL} (default {@value #SLACK_API_URL}); an empty variable counts as unset.
   * Returns empty when no bot token is set, i.e. Slack is not configured.
   */
  public static Optional<SlackSettings> fromEnvironment(Map<String, String> env) {
    Optional<String> bot = value(env, "SLACK_BOT_TOKEN");
    if (bot.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SlackSettings(
            bot.get(),
            value(env, "SLACK_SIGNING_SECRET"),
            value(env, "SLACK_APP_TOKEN"),
            value(env, "CANDOR_SLACK_API_URL").orElse(SLACK_API_URL),
            DEFAULT_CHANNEL_PACE));
  }

  /** Whether Socket Mode is used (an app token is set). */
  public boolean socketMode() {
    return appToken.isPresent();
  }

  public SlackSettings withApiUrl(String url) {
    return new SlackSettings(botToken, signingSecret, appToken, url, channelPace);
  }

  public SlackSettings withAppToken(String token) {
    return new SlackSettings(botToken, signingSecret, Optional.of(token), apiUrl, channelPace);
  }

  public SlackSettings withChannelPace(Duration pace) {
    return new SlackSettings(botToken, signingSecret, appToken, apiUrl, pace);
  }

  /** Never prints the secrets. */
  @Override
  public String toString() {
    return "SlackSettings[mode="
        + (socketMode() ? "socket" : "http")
        + ", apiUrl="
        + apiUrl
        + ", channelPace="
        + channelPace
        + "]";
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
  }
}
