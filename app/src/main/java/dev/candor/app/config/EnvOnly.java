package dev.candor.app.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Settings read only from the environment, with the spellings under which someone might put them in
 * {@code candor.yml} by mistake (compared {@linkplain ConfigKey#normalize normalized}, section
 * included: {@code slack.bot-token} is {@code slackbottoken}).
 */
enum EnvOnly {
  MASTER_KEY("CANDOR_MASTER_KEY", "", true, "masterkey"),
  DB_PASSWORD("CANDOR_DB_PASSWORD", "database", true, "databasepassword", "dbpassword"),
  SLACK_BOT_TOKEN("SLACK_BOT_TOKEN", "slack", true, "slacktoken"),
  SLACK_SIGNING_SECRET("SLACK_SIGNING_SECRET", "slack", true),
  SLACK_APP_TOKEN("SLACK_APP_TOKEN", "slack", true),
  TEAMS_APP_ID("MICROSOFT_APP_ID", "teams", false, "teamsappid"),
  TEAMS_APP_PASSWORD("MICROSOFT_APP_PASSWORD", "teams", true, "teamsapppassword", "teamspassword"),
  TEAMS_TENANT_ID("MICROSOFT_APP_TENANT_ID", "teams", false, "teamstenantid", "teamsapptenantid");

  private static final List<String> SECRET_WORDS =
      List.of("password", "passwd", "secret", "token", "credential");

  final String env;
  final String section;
  final boolean secret;
  private final List<String> spellings;

  EnvOnly(String env, String section, boolean secret, String... spellings) {
    this.env = env;
    this.section = section;
    this.secret = secret;
    String bare = ConfigKey.normalize(env.replaceFirst("^(CANDOR|MICROSOFT)_", ""));
    this.spellings =
        Stream.concat(
                Stream.of(ConfigKey.normalize(env), bare, ConfigKey.normalize(section) + bare),
                Arrays.stream(spellings))
            .toList();
  }

  /** The env-only setting a file key (e.g. {@code teams.app-password}) stands for, if any. */
  static Optional<EnvOnly> forFileKey(String path) {
    int dot = path.lastIndexOf('.');
    String section = dot < 0 ? "" : path.substring(0, dot);
    String whole = ConfigKey.normalize(path);
    String leaf = ConfigKey.normalize(path.substring(dot + 1));
    return Arrays.stream(values())
        .filter(
            e ->
                e.spellings.contains(whole)
                    || (e.spellings.contains(leaf)
                        && (e.section.isEmpty() || e.section.equals(section))))
        .findFirst();
  }

  /** Whether a file key's name suggests a secret, e.g. {@code db-password} or {@code api-key}. */
  static boolean looksSecret(String path) {
    String leaf = ConfigKey.normalize(path.substring(path.lastIndexOf('.') + 1));
    return leaf.endsWith("key") || SECRET_WORDS.stream().anyMatch(leaf::contains);
  }

  /** The secret variables of a section (all of them for an unknown one), for a message. */
  static String secretsFor(String section) {
    List<String> names =
        Arrays.stream(values())
            .filter(e -> e.secret && e.section.equals(section))
            .map(e -> e.env)
            .toList();
    if (names.isEmpty()) {
      names = Arrays.stream(values()).filter(e -> e.secret).map(e -> e.env).toList();
    }
    return String.join(" or ", names);
  }
}
