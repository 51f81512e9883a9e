package dev.candor.app.config;

import static dev.candor.app.config.Fixtures.loadEnv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One bad value at a time, each set through its environment variable. */
class ConfigValidationTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          CANDOR_HTTP_PORT           | 70000     | http.port (CANDOR_HTTP_PORT, from the environment) is 70000; it must be between 1 and 65535
          CANDOR_HTTP_PORT           | 80a       | http.port (CANDOR_HTTP_PORT, from the environment) '80a' is not a whole number; it must be between 1 and 65535
          CANDOR_HTTP_PORT           | 99999999999999 | http.port (CANDOR_HTTP_PORT, from the environment) is 99999999999999; it must be between 1 and 65535
          CANDOR_DB_POOL_SIZE        | 201       | database.pool-size (CANDOR_DB_POOL_SIZE, from the environment) is 201; it must be between 1 and 200
          CANDOR_RELEASE_MIN_ASKERS  | 2         | sessions.release-min-askers (CANDOR_RELEASE_MIN_ASKERS, from the environment) is 2; it must be at least 3, so that no question can be traced to one of two people
          CANDOR_MAX_QUESTIONS       | 0         | sessions.max-questions-per-person (CANDOR_MAX_QUESTIONS, from the environment) is 0; it must be at least 1
          CANDOR_BOARD_SIZE          | 51        | board.size (CANDOR_BOARD_SIZE, from the environment) is 51; it must be between 1 and 50
          CANDOR_DEFAULT_TZ          | Mars/Base | time-zone (CANDOR_DEFAULT_TZ, from the environment) 'Mars/Base' is not an IANA time zone, e.g. Europe/Berlin
          CANDOR_DEFAULT_TZ          | europe/berlin | time-zone (CANDOR_DEFAULT_TZ, from the environment) 'europe/berlin' is not an IANA time zone, e.g. Europe/Berlin (time zones are case-sensitive)
          CANDOR_DEFAULT_TZ          | +02:00    | time-zone (CANDOR_DEFAULT_TZ, from the environment) '+02:00' is not an IANA time zone, e.g. Europe/Berlin
          CANDOR_DEFAULT_DURATION    | soon      | sessions.default-duration (CANDOR_DEFAULT_DURATION, from the environment) 'soon' is not a duration; write a duration such as 45s, 10m, 1h30m, 2h or 7d
          CANDOR_DEFAULT_DURATION    | 30s       | sessions.default-duration (CANDOR_DEFAULT_DURATION, from the environment) is 30s; it must be at least 1m
          CANDOR_ASK_COOLDOWN        | 10        | sessions.ask-cooldown (CANDOR_ASK_COOLDOWN, from the environment) '10' has no unit; write e.g. 10s or 10m
          CANDOR_RELEASE_INTERVAL    | -1m       | sessions.release-interval (CANDOR_RELEASE_INTERVAL, from the environment) '-1m' is not a duration; write a duration such as 45s, 10m, 1h30m, 2h or 7d
          CANDOR_RELEASE_TICK        | 50ms      | scheduler.release-tick (CANDOR_RELEASE_TICK, from the environment) is 50ms; it must be at least 100ms
          CANDOR_REMINDERS           | 1h,soon   | sessions.reminders (CANDOR_REMINDERS, from the environment) 'soon' is not a duration; write a duration such as 45s, 10m, 1h30m, 2h or 7d
          CANDOR_REMINDERS           | 1h,0      | sessions.reminders (CANDOR_REMINDERS, from the environment) is 0; it must be at least 1s
          CANDOR_REMINDERS           | 1h,60m    | sessions.reminders (CANDOR_REMINDERS, from the environment) lists 60m twice
          CANDOR_PREMODERATED        | maybe     | sessions.premoderated (CANDOR_PREMODERATED, from the environment) 'maybe' is not true or false
          CANDOR_ORGANIZERS          | alice     | organizers (CANDOR_ORGANIZERS, from the environment) 'alice' is not valid: Organizer 'alice' has no platform. Write platform:user, e.g. slack:U024BE7LH, or *.
          CANDOR_ORGANIZERS          | slakc:U1  | organizers (CANDOR_ORGANIZERS, from the environment) 'slakc:U1' is not valid: Unknown platform 'slakc'. Use one of: slack, teams, console.
          CANDOR_DB_URL              | postgres://db/candor | database.url (CANDOR_DB_URL, from the environment) 'postgres://db/candor' is not a JDBC URL; write e.g. jdbc:postgresql://db.example.org:5432/candor, or leave it empty for the embedded database under data-dir
          CANDOR_SLACK_API_URL       | slack.com/api | slack.api-url (CANDOR_SLACK_API_URL, from the environment) 'slack.com/api' is not an http(s) URL, e.g. https://slack.com/api/
          """)
  void givenABadValue_thenTheProblemNamesKeyVariableValueAndRightForm(
      String variable, String value, String expected) {
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> loadEnv(dir, Map.of(variable, value)));

    assertThat(e).as("no problem reported for %s=%s", variable, value).isNotNull();
    assertThat(e.problems()).containsExactly(expected);
  }

  @ParameterizedTest
  @CsvSource({"45s, PT45S", "10m, PT10M", "1h30m, PT1H30M", "2h, PT2H", "7d, PT168H", "0, PT0S"})
  void givenADurationInAnyDocumentedForm_thenItIsAccepted(String text, Duration expected) {
    CandorConfig config = loadEnv(dir, Map.of("CANDOR_ARCHIVE_AFTER", text));

    assertThat(config.sessions().archiveAfter()).isEqualTo(expected);
  }

  @Test
  void givenRemindersNone_thenNoRemindersBeforeTheStart() {
    assertThat(loadEnv(dir, Map.of("CANDOR_REMINDERS", "none")).sessions().reminders()).isEmpty();
  }

  @Test
  void givenAMasterKeyOfThirtyTwoBytes_thenItIsKept() {
    String key = Base64.getEncoder().encodeToString(new byte[32]);

    CandorConfig config = loadEnv(dir, Map.of("CANDOR_MASTER_KEY", key));

    assertThat(config.masterKey()).map(Secret::reveal).contains(key);
  }

  @Test
  void givenAMasterKeyThatIsNotThirtyTwoBytes_thenItIsRejectedWithoutQuotingIt() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> loadEnv(dir, Map.of("CANDOR_MASTER_KEY", shortKey)));

    assertThat(e.problems())
        .containsExactly(
            "CANDOR_MASTER_KEY is not the base64 form of 32 bytes; make one with: openssl rand"
                + " -base64 32");
    assertThat(e.getMessage()).doesNotContain(shortKey);
  }

  @Test
  void givenOnlyTheSlackBotToken_thenTheMissingModeTokenIsNamed() {
    assertThat(problems(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .containsExactly(
            "Slack is half set up: SLACK_BOT_TOKEN is set but SLACK_APP_TOKEN (xapp-..., for"
                + " Socket Mode) or SLACK_SIGNING_SECRET (for HTTP events) is missing");
  }

  @Test
  void givenASlackAppTokenWithoutBotToken_thenTheBotTokenIsNamed() {
    assertThat(problems(Map.of("SLACK_APP_TOKEN", "xapp-1")))
        .containsExactly(
            "Slack is half set up: SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN (xoxb-...) is"
                + " missing; set it too, or unset the others");
  }

  @Test
  void givenBothSlackModeSecretsWithoutBotToken_thenTheBotTokenIsNamed() {
    assertThat(problems(Map.of("SLACK_APP_TOKEN", "xapp-1", "SLACK_SIGNING_SECRET", "s")))
        .containsExactly(
            "Slack is half set up: SLACK_APP_TOKEN and SLACK_SIGNING_SECRET are set but"
                + " SLACK_BOT_TOKEN (xoxb-...) is missing; set it too, or unset the others");
  }

  @Test
  void givenSwappedSlackTokens_thenBothAreReportedWithoutTheirValues() {
    assertThat(problems(Map.of("SLACK_BOT_TOKEN", "xapp-secret1", "SLACK_APP_TOKEN", "xoxb-2")))
        .containsExactly(
            "SLACK_BOT_TOKEN is not a bot token: it should start with xoxb-",
            "SLACK_APP_TOKEN is not an app-level token: it should start with xapp-");
  }

  @Test
  void givenABotTokenAndASigningSecret_thenSlackIsConfiguredForHttpEvents() {
    CandorConfig config =
        loadEnv(dir, Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"));

    assertThat(config.slackConfigured()).isTrue();
    assertThat(config.slack().socketMode()).isFalse();
  }

  @Test
  void givenABotTokenAndAnAppToken_thenSlackIsConfiguredForSocketMode() {
    CandorConfig config =
        loadEnv(dir, Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

    assertThat(config.slackConfigured()).isTrue();
    assertThat(config.slack().socketMode()).isTrue();
  }

  @Test
  void givenATeamsAppIdWithoutPassword_thenThePasswordIsNamed() {
    assertThat(problems(Map.of("MICROSOFT_APP_ID", "00000000-0000-0000-0000-000000000001")))
        .containsExactly(
            "Teams is half set up: MICROSOFT_APP_ID is set but MICROSOFT_APP_PASSWORD is missing;"
                + " set it too, or unset MICROSOFT_APP_ID");
  }

  @Test
  void givenATeamsPasswordWithoutAppId_thenTheAppIdIsNamed() {
    assertThat(problems(Map.of("MICROSOFT_APP_PASSWORD", "pw")))
        .containsExactly(
            "Teams is half set up: MICROSOFT_APP_PASSWORD is set but MICROSOFT_APP_ID is missing;"
                + " set it too, or unset the others");
  }

  @Test
  void givenATeamsAppIdAndPassword_thenTeamsIsConfigured() {
    Map<String, String> env = new HashMap<>();
    env.put("MICROSOFT_APP_ID", "app");
    env.put("MICROSOFT_APP_PASSWORD", "pw");
    env.put("MICROSOFT_APP_TENANT_ID", "tenant");

    CandorConfig config = loadEnv(dir, env);

    assertThat(config.teamsConfigured()).isTrue();
    assertThat(config.teams().tenantId()).contains("tenant");
  }

  private List<String> problems(Map<String, String> env) {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> loadEnv(dir, env));
    assertThat(e).as("expected a problem for %s", env.keySet()).isNotNull();
    return e.problems();
  }
}
