package dev.candor.app.config;

import static java.util.Objects.requireNonNull;

import dev.candor.core.CandorSettings;
import dev.candor.core.identity.Organizers;
import dev.candor.core.session.SessionSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's validated configuration, shaped like {@code candor.yml}. Built by {@link
 * ConfigLoader} from the file and the environment (which wins), or {@link #defaults()}. Secrets
 * come only from the environment and print as {@code <set>} or {@code <unset>}, so this record can
 * be logged whole.
 *
 * @param organizers who may schedule sessions: {@code platform:user} entries separated by commas,
 *     or {@code *}; blank means nobody
 * @param masterKey {@code CANDOR_MASTER_KEY}, base64 of 32 bytes; absent means the embedded key
 *     file in {@code dataDir}
 */
public record CandorConfig(
    Http http,
    Path dataDir,
    Database database,
    String organizers,
    ZoneId timeZone,
    Sessions sessions,
    Board board,
    Scheduler scheduler,
    Optional<Secret> masterKey,
    Slack slack,
    Teams teams) {

  public CandorConfig {
    requireNonNull(http, "http");
    requireNonNull(dataDir, "dataDir");
    requireNonNull(database, "database");
    requireNonNull(organizers, "organizers");
    requireNonNull(timeZone, "timeZone");
    requireNonNull(sessions, "sessions");
    requireNonNull(board, "board");
    requireNonNull(scheduler, "scheduler");
    requireNonNull(masterKey, "masterKey");
    requireNonNull(slack, "slack");
    requireNonNull(teams, "teams");
  }

  /** The configuration with no file and no environment: what {@code candor.example.yml} says. */
  public static CandorConfig defaults() {
    return ConfigLoader.defaults();
  }

  /** Whether Slack credentials are complete: a bot token, and an app token or signing secret. */
  public boolean slackConfigured() {
    return slack.configured();
  }

  /** Whether Teams credentials are present ({@code MICROSOFT_APP_ID}, with its password). */
  public boolean teamsConfigured() {
    return teams.configured();
  }

  /** What the core needs: organizers, session defaults, zone and timings. */
  public CandorSettings toSettings() {
    SessionSettings sessionDefaults =
        new SessionSettings(
            sessions.releaseMinAskers(),
            sessions.releaseInterval(),
            sessions.premoderated(),
            sessions.maxQuestionsPerPerson(),
            sessions.askCooldown(),
            sessions.reminders());
    return new CandorSettings(
        Organizers.parse(organizers),
        sessionDefaults,
        timeZone,
        sessions.defaultDuration(),
        sessions.intakeClosingLead(),
        board.refreshInterval(),
        scheduler.releaseTick(),
        sessions.archiveAfter(),
        board.size());
  }

  @Override
  public String toString() {
    return "CandorConfig[http=%s, dataDir=%s, database=%s, organizers=%s, timeZone=%s, sessions=%s,"
            .formatted(http, dataDir, database, organizers, timeZone, sessions)
        + " board=%s, scheduler=%s, masterKey=%s, slack=%s, teams=%s]"
            .formatted(board, scheduler, Secret.describe(masterKey), slack, teams);
  }

  /** The HTTP server: Slack events, Teams messages, health, metrics and the presenter page. */
  public record Http(int port) {}

  /**
   * Where sessions, questions, votes and Quartz jobs are kept.
   *
   * @param url a JDBC URL; blank means the embedded H2 database under the data folder
   * @param password {@code CANDOR_DB_PASSWORD}, from the environment only
   */
  public record Database(String url, String user, Optional<Secret> password, int poolSize) {
    public Database {
      requireNonNull(url, "url");
      requireNonNull(user, "user");
      requireNonNull(password, "password");
    }

    /** Whether Candor runs its own H2 database in the data folder. */
    public boolean embedded() {
      return url.isBlank();
    }

    /** The URL with any password in it masked, for messages and logs. */
    public String redactedUrl() {
      return redact(url);
    }

    static String redact(String url) {
      return url.replaceAll("(?i)(password=)[^&;]*", "$1<redacted>")
          .replaceAll("(//[^/@:]*:)[^/@]*@", "$1<redacted>@");
    }

    static boolean containsPassword(String url) {
      return !redact(url).equals(url);
    }

    @Override
    public String toString() {
      return "Database[url=%s, user=%s, password=%s, poolSize=%d]"
          .formatted(redactedUrl(), user, Secret.describe(password), poolSize);
    }
  }

  /**
   * What a new session gets unless its {@code schedule} command says otherwise.
   *
   * @param releaseMinAskers k: no question is released before this many people have asked
   * @param reminders how long before the start reminders go out, largest first
   */
  public record Sessions(
      Duration defaultDuration,
      int releaseMinAskers,
      Duration releaseInterval,
      boolean premoderated,
      int maxQuestionsPerPerson,
      Duration askCooldown,
      List<Duration> reminders,
      Duration intakeClosingLead,
      Duration archiveAfter) {
    public Sessions {
      requireNonNull(defaultDuration, "defaultDuration");
      requireNonNull(releaseInterval, "releaseInterval");
      requireNonNull(askCooldown, "askCooldown");
      reminders = reminders.stream().sorted(Comparator.reverseOrder()).toList();
      requireNonNull(intakeClosingLead, "intakeClosingLead");
      requireNonNull(archiveAfter, "archiveAfter");
    }
  }

  /** The live question board: how often it is edited at most, and how many questions it shows. */
  public record Board(Duration refreshInterval, int size) {
    public Board {
      requireNonNull(refreshInterval, "refreshInterval");
    }
  }

  /** How often pending question batches are checked for release. */
  /**
   * The scheduler.
   *
   * @param releaseTick how often pending batches are checked for release
   * @param clustered whether several Candor instances share the database as one Quartz cluster
   *     (PostgreSQL only)
   */
  public record Scheduler(Duration releaseTick, boolean clustered) {
    public Scheduler {
      requireNonNull(releaseTick, "releaseTick");
    }
  }

  /**
   * Slack credentials (environment only) and the API address (a stub's, in tests).
   *
   * @param appToken {@code SLACK_APP_TOKEN}: present means Socket Mode
   * @param signingSecret {@code SLACK_SIGNING_SECRET}: verifies HTTP-mode requests
   */
  public record Slack(
      Optional<Secret> botToken,
      Optional<Secret> signingSecret,
      Optional<Secret> appToken,
      URI apiUrl) {
    public Slack {
      requireNonNull(botToken, "botToken");
      requireNonNull(signingSecret, "signingSecret");
      requireNonNull(appToken, "appToken");
      requireNonNull(apiUrl, "apiUrl");
    }

    public boolean configured() {
      return botToken.isPresent() && (appToken.isPresent() || signingSecret.isPresent());
    }

    /** Whether Slack is reached over Socket Mode (an app token) rather than HTTP events. */
    public boolean socketMode() {
      return configured() && appToken.isPresent();
    }

    @Override
    public String toString() {
      return "Slack[botToken=%s, signingSecret=%s, appToken=%s, apiUrl=%s]"
          .formatted(
              Secret.describe(botToken),
              Secret.describe(signingSecret),
              Secret.describe(appToken),
              apiUrl);
    }
  }

  /** Teams (Bot Framework) credentials, all from the environment. */
  public record Teams(
      Optional<String> appId, Optional<Secret> appPassword, Optional<String> tenantId) {
    public Teams {
      requireNonNull(appId, "appId");
      requireNonNull(appPassword, "appPassword");
      requireNonNull(tenantId, "tenantId");
    }

    public boolean configured() {
      return appId.isPresent();
    }

    @Override
    public String toString() {
      return "Teams[appId=%s, appPassword=%s, tenantId=%s]"
          .formatted(
              appId.orElse("<unset>"), Secret.describe(appPassword), tenantId.orElse("<unset>"));
    }
  }
}
