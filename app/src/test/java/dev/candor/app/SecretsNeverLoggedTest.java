package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.candor.adapters.slack.Payloads;
import dev.candor.adapters.slack.Signer;
import dev.candor.adapters.teams.BotTokens;
import dev.candor.adapters.teams.TeamsActivityJson;
import dev.candor.app.config.ConfigException;
import dev.candor.app.config.ConfigLoader;
import dev.candor.app.platform.ServeRig;
import dev.candor.app.platform.SlackPlatform;
import dev.candor.app.platform.TeamsPlatform;
import dev.candor.core.testing.LogCapture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never reach a log line. The app runs as {@code serve} does, Slack (HTTP mode, then Socket
 * Mode) and Teams configured with recognisable secrets, every logger at DEBUG, through ordinary
 * traffic and failures: refused signatures and tokens, a Slack API error, an oversized body, a
 * wrong database password at start-up, configuration errors. Then every captured line (SLF4J and
 * java.util.logging), every configuration message and what the launcher prints on failure are
 * searched for each secret, whole and by its distinctive part.
 */
class SecretsNeverLoggedTest {
  /** In every secret below, so that a secret logged in part (masked, cut) is found too. */
  private static final String MARK = "LEAKCHECK";

  private static final String BOT_TOKEN = "xoxb-1111-LEAKCHECKbot7f3a9c";
  private static final String SIGNING_SECRET = "LEAKCHECKsigning5e2d0a7716c4";
  private static final String APP_TOKEN = "xapp-1-LEAKCHECKapp41bd90";
  private static final String TEAMS_PASSWORD = "LEAKCHECK~teams~pw~91ab";
  private static final String DB_PASSWORD = "LEAKCHECK-db-pw-08d1";
  private static final String MASTER_KEY = "LEAKCHECKmasterKeyLEAKCHECKmasterKeyLEAKCHE=";

  @TempDir Path dir;

  @Test
  void givenTrafficAndFailuresAtDebug_thenNoSecretAppearsInAnyLogLineOrMessage() throws Exception {
    List<String> said = new ArrayList<>();
    StringWriter launcher = new StringWriter();
    List<String> lines;
    try (LogCapture logs = LogCapture.everyLoggerAtDebug();
        JulCapture jul = new JulCapture()) {
      runHttpModeWithTraffic(dir.resolve("http"));
      said.add(
          startFails(
              dir.resolve("http"), Map.of("CANDOR_DB_PASSWORD", "wrong-password"), launcher));
      runSocketMode(dir.resolve("socket"));
      said.addAll(configProblems());
      lines = new ArrayList<>(logs.lines());
      lines.addAll(jul.lines());
    }
    said.add(launcher.toString());

    assertThat(lines).as("the capture saw the run, at DEBUG").hasSizeGreaterThan(100);
    assertThat(lines).anyMatch(l -> l.startsWith("DEBUG "));
    assertThat(said).allSatisfy(text -> assertThat(text).isNotBlank());
    for (String secret : secrets()) {
      assertThat(holding(lines, secret)).as("log lines holding %s", secret).isEmpty();
      assertThat(holding(said, secret)).as("messages holding %s", secret).isEmpty();
    }
    assertThat(holding(lines, MARK)).as("log lines holding part of a secret").isEmpty();
    assertThat(holding(said, MARK)).as("messages holding part of a secret").isEmpty();
  }

  private static List<String> holding(List<String> texts, String secret) {
    String wanted = secret.toUpperCase(Locale.ROOT);
    return texts.stream().filter(t -> t.toUpperCase(Locale.ROOT).contains(wanted)).toList();
  }

  private void runHttpModeWithTraffic(Path here) throws Exception {
    try (ServeRig rig = ServeRig.create(here, httpModeSecrets()).serve()) {
      assertThat(
              rig.slash(ServeRig.ORGANIZER, "schedule \"Pay review\" in 2h channels slack:C0BOARD"))
          .extracting(HttpResponse::body)
          .asString()
          .contains("Scheduled s1");
      // The first board post fails for good (a revoked token, as Slack reports it).
      rig.slack().errorNext("chat.postMessage", "invalid_auth");
      for (int i = 1; i <= 3; i++) {
        assertThat(rig.slash("UPARTICIPANT000" + i, "ask s1 Why were raises frozen " + i + "?"))
            .extracting(HttpResponse::statusCode)
            .isEqualTo(200);
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> rig.slack().calls("chat.postMessage").size() >= 2);

      String body = Payloads.form(rig.slashFields("UPARTICIPANT0001", "ask s1 Forged?"));
      long now = Instant.now().getEpochSecond();
      assertThat(rig.postSlack(body, Signer.sign("not-the-secret", now, body)).statusCode())
          .isEqualTo(401);
      assertThat(
              rig.post(
                      SlackPlatform.EVENTS_PATH,
                      "application/x-www-form-urlencoded",
                      body,
                      Map.of())
                  .statusCode())
          .isEqualTo(401);
      assertThat(
              rig.post(
                      SlackPlatform.EVENTS_PATH,
                      "application/x-www-form-urlencoded",
                      body + "&padding=" + "x".repeat((int) SlackPlatform.MAX_BODY),
                      Map.of())
                  .statusCode())
          .isEqualTo(413);

      TeamsActivityJson teams = rig.activities();
      TeamsActivityJson.User someone = TeamsActivityJson.user("participant-teams-1");
      assertThat(rig.teams(teams.personal(someone, "help")).statusCode()).isEqualTo(200);
      assertThat(
              rig.post(
                      TeamsPlatform.MESSAGES_PATH,
                      "application/json",
                      teams.personal(someone, "help"),
                      Map.of())
                  .statusCode())
          .isEqualTo(401);
      String forged =
          BotTokens.token(
              BotTokens.rsa(),
              "candor-serve-rig-key",
              ServeRig.APP_ID,
              rig.connector().serviceUrl());
      assertThat(
              rig.post(
                      TeamsPlatform.MESSAGES_PATH,
                      "application/json",
                      teams.personal(someone, "help"),
                      Map.of("Authorization", "Bearer " + forged))
                  .statusCode())
          .isEqualTo(401);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !rig.connector().posted(someone.personalChat()).isEmpty());
      assertThat(rig.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(rig.get("/metrics").statusCode()).isEqualTo(200);
    }
  }

  /** Starts on the database made by the first run with other settings; returns what is printed. */
  private String startFails(Path here, Map<String, String> changes, StringWriter launcher)
      throws Exception {
    Map<String, String> env = new HashMap<>(httpModeSecrets());
    env.putAll(changes);
    try (ServeRig rig = ServeRig.create(here, env)) {
      Exception e = (Exception) catchThrowable(rig::serve);
      assertThat(e).isNotNull();
      PrintWriter out = new PrintWriter(launcher, true);
      assertThat(CandorApp.failed(e, out)).isEqualTo(1);
      return e.toString();
    }
  }

  /** Slack over Socket Mode, whose connection fails: the app token is used and never shown. */
  private void runSocketMode(Path here) throws Exception {
    Map<String, String> env = new HashMap<>(httpModeSecrets());
    env.put("SLACK_APP_TOKEN", APP_TOKEN);
    env.put("SLACK_SIGNING_SECRET", "");
    try (ServeRig rig = ServeRig.create(here, env)) {
      try {
        rig.serve();
        assertThat(rig.slack().calls("apps.connections.open")).isNotEmpty();
      } catch (Exception e) {
        CandorApp.failed(e, new PrintWriter(new StringWriter()));
      }
    }
  }

  /** Configuration mistakes made with the secrets set: each message must name, not quote. */
  private List<String> configProblems() {
    List<Map<String, String>> broken =
        List.of(
            Map.of("SLACK_BOT_TOKEN", APP_TOKEN, "SLACK_APP_TOKEN", BOT_TOKEN),
            Map.of("SLACK_BOT_TOKEN", BOT_TOKEN),
            Map.of("SLACK_SIGNING_SECRET", SIGNING_SECRET, "CANDOR_DB_PASSWORD", DB_PASSWORD),
            Map.of("CANDOR_MASTER_KEY", MARK + "-not-base64"),
            Map.of("CANDOR_MASTER_KEY", MASTER_KEY.substring(0, 24)),
            Map.of("MICROSOFT_APP_PASSWORD", TEAMS_PASSWORD),
            Map.of("CANDOR_DB_URL", "postgres://candor:" + DB_PASSWORD + "@db/candor"));
    List<String> messages = new ArrayList<>();
    for (Map<String, String> env : broken) {
      Throwable e = catchThrowable(() -> ConfigLoader.load(Optional.empty(), env, dir));
      assertThat(e).as("%s is refused", env.keySet()).isInstanceOf(ConfigException.class);
      messages.add(e.getMessage());
      StringWriter printed = new StringWriter();
      assertThat(CandorApp.failed((Exception) e, new PrintWriter(printed, true))).isEqualTo(2);
      messages.add(printed.toString());
    }
    return messages;
  }

  private static Map<String, String> httpModeSecrets() {
    return Map.of(
        "SLACK_BOT_TOKEN", BOT_TOKEN,
        "SLACK_SIGNING_SECRET", SIGNING_SECRET,
        "MICROSOFT_APP_PASSWORD", TEAMS_PASSWORD,
        "CANDOR_DB_PASSWORD", DB_PASSWORD,
        "CANDOR_MASTER_KEY", MASTER_KEY);
  }

  /**
   * Each secret as configured, its part after a token prefix, and the master key's bytes as hex.
   */
  private static List<String> secrets() {
    List<String> all =
        new ArrayList<>(
            List.of(BOT_TOKEN, SIGNING_SECRET, APP_TOKEN, TEAMS_PASSWORD, DB_PASSWORD, MASTER_KEY));
    all.add(BOT_TOKEN.substring("xoxb-".length()));
    all.add(APP_TOKEN.substring("xapp-".length()));
    all.add(HexFormat.of().formatHex(Base64.getDecoder().decode(MASTER_KEY)));
    all.add(Base64.getEncoder().encodeToString(MASTER_KEY.getBytes()));
    return all;
  }

  /** Every java.util.logging record of the process, at every level, formatted as it would print. */
  private static final class JulCapture extends Handler implements AutoCloseable {
    private final java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    private final Level previous = root.getLevel();
    private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final SimpleFormatter format = new SimpleFormatter();

    JulCapture() {
      setLevel(Level.ALL);
      root.setLevel(Level.ALL);
      root.addHandler(this);
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
      lines.add(format.format(record));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      root.removeHandler(this);
      root.setLevel(previous);
    }
  }
}
