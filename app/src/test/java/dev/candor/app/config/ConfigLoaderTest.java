package dev.candor.app.config;

import static dev.candor.app.config.Fixtures.loadEnv;
import static dev.candor.app.config.Fixtures.loadResource;
import static dev.candor.app.config.Fixtures.loadYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void givenNoFileAndNoEnvironment_thenTheDocumentedDefaults() {
    CandorConfig config = loadEnv(dir, Map.of());

    assertThat(config).isEqualTo(CandorConfig.defaults());
    assertThat(config.http().port()).isEqualTo(3000);
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.database().embedded()).isTrue();
    assertThat(config.database().user()).isEmpty();
    assertThat(config.database().password()).isEmpty();
    assertThat(config.database().poolSize()).isEqualTo(10);
    assertThat(config.organizers()).isEmpty();
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("UTC"));
    CandorConfig.Sessions s = config.sessions();
    assertThat(s.defaultDuration()).isEqualTo(Duration.ofMinutes(60));
    assertThat(s.releaseMinAskers()).isEqualTo(5);
    assertThat(s.releaseInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.premoderated()).isFalse();
    assertThat(s.maxQuestionsPerPerson()).isEqualTo(10);
    assertThat(s.askCooldown()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.reminders())
        .containsExactly(Duration.ofHours(24), Duration.ofHours(1), Duration.ofMinutes(10));
    assertThat(s.intakeClosingLead()).isEqualTo(Duration.ofMinutes(15));
    assertThat(s.archiveAfter()).isEqualTo(Duration.ofDays(7));
    assertThat(config.board().refreshInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(config.board().size()).isEqualTo(10);
    assertThat(config.scheduler().releaseTick()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.masterKey()).isEmpty();
    assertThat(config.slack().apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
    assertThat(config.slackConfigured()).isFalse();
    assertThat(config.teamsConfigured()).isFalse();
  }

  @Test
  void givenCandorYmlInTheWorkingDirectory_thenEveryValueIsTakenFromIt() {
    CandorConfig config = loadResource(dir, "full.yml", Map.of());

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/candor"));
    assertThat(config.database().url()).isEqualTo("jdbc:postgresql://db.example.org:5432/candor");
    assertThat(config.database().embedded()).isFalse();
    assertThat(config.database().user()).isEqualTo("candor");
    assertThat(config.database().poolSize()).isEqualTo(25);
    assertThat(config.organizers()).isEqualTo("slack:U024BE7LH,teams:29:1abc");
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    CandorConfig.Sessions s = config.sessions();
    assertThat(s.defaultDuration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(s.releaseMinAskers()).isEqualTo(7);
    assertThat(s.releaseInterval()).isZero();
    assertThat(s.premoderated()).isTrue();
    assertThat(s.maxQuestionsPerPerson()).isEqualTo(3);
    assertThat(s.askCooldown()).isEqualTo(Duration.ofSeconds(45));
    assertThat(s.reminders()).containsExactly(Duration.ofDays(1), Duration.ofHours(2));
    assertThat(s.intakeClosingLead()).isEqualTo(Duration.ofMinutes(20));
    assertThat(s.archiveAfter()).isEqualTo(Duration.ofDays(30));
    assertThat(config.board().refreshInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.board().size()).isEqualTo(20);
    assertThat(config.scheduler().releaseTick()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.slack().apiUrl()).isEqualTo(URI.create("http://localhost:9999/api/"));
  }

  @Test
  void givenEnvironmentVariables_thenTheyOverrideTheFile() {
    Map<String, String> env =
        Map.ofEntries(
            Map.entry("CANDOR_HTTP_PORT", "9090"),
            Map.entry("CANDOR_DATA_DIR", "/srv/candor"),
            Map.entry("CANDOR_DB_URL", "jdbc:h2:mem:test"),
            Map.entry("CANDOR_DB_USER", "sa"),
            Map.entry("CANDOR_DB_POOL_SIZE", "2"),
            Map.entry("CANDOR_ORGANIZERS", "*"),
            Map.entry("CANDOR_DEFAULT_TZ", "America/New_York"),
            Map.entry("CANDOR_DEFAULT_DURATION", "2h"),
            Map.entry("CANDOR_RELEASE_MIN_ASKERS", "3"),
            Map.entry("CANDOR_RELEASE_INTERVAL", "30s"),
            Map.entry("CANDOR_PREMODERATED", "false"),
            Map.entry("CANDOR_MAX_QUESTIONS", "1"),
            Map.entry("CANDOR_ASK_COOLDOWN", "0"),
            Map.entry("CANDOR_REMINDERS", "10m, 24h,1h"),
            Map.entry("CANDOR_INTAKE_CLOSING_LEAD", "5m"),
            Map.entry("CANDOR_ARCHIVE_AFTER", "1d"),
            Map.entry("CANDOR_BOARD_REFRESH", "1s"),
            Map.entry("CANDOR_BOARD_SIZE", "50"),
            Map.entry("CANDOR_RELEASE_TICK", "1s"),
            Map.entry("CANDOR_SLACK_API_URL", "https://slack.example.org/api/"));

    CandorConfig config = loadResource(dir, "full.yml", env);

    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/candor"));
    assertThat(config.database().url()).isEqualTo("jdbc:h2:mem:test");
    assertThat(config.database().user()).isEqualTo("sa");
    assertThat(config.database().poolSize()).isEqualTo(2);
    assertThat(config.organizers()).isEqualTo("*");
    assertThat(config.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
    CandorConfig.Sessions s = config.sessions();
    assertThat(s.defaultDuration()).isEqualTo(Duration.ofHours(2));
    assertThat(s.releaseMinAskers()).isEqualTo(3);
    assertThat(s.releaseInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(s.premoderated()).isFalse();
    assertThat(s.maxQuestionsPerPerson()).isEqualTo(1);
    assertThat(s.askCooldown()).isZero();
    assertThat(s.reminders())
        .containsExactly(Duration.ofHours(24), Duration.ofHours(1), Duration.ofMinutes(10));
    assertThat(s.intakeClosingLead()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.archiveAfter()).isEqualTo(Duration.ofDays(1));
    assertThat(config.board().refreshInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.board().size()).isEqualTo(50);
    assertThat(config.scheduler().releaseTick()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.slack().apiUrl()).isEqualTo(URI.create("https://slack.example.org/api/"));
  }

  @Test
  void givenABlankEnvironmentVariable_thenTheFileValueStays() {
    CandorConfig config = loadYaml(dir, "http:\n  port: 8080\n", Map.of("CANDOR_HTTP_PORT", " "));

    assertThat(config.http().port()).isEqualTo(8080);
  }

  @Test
  void givenAnEmptyFile_thenTheDefaults() {
    assertThat(loadYaml(dir, "# nothing yet\n", Map.of())).isEqualTo(CandorConfig.defaults());
  }

  @Test
  void givenAnExplicitPath_thenThatFileIsReadAndNotTheOneInTheWorkingDirectory() {
    Fixtures.write(dir.resolve("candor.yml"), "http:\n  port: 1111\n");
    Fixtures.write(dir.resolve("other.yml"), "http:\n  port: 2222\n");

    CandorConfig config = ConfigLoader.load(Optional.of(Path.of("other.yml")), Map.of(), dir);

    assertThat(config.http().port()).isEqualTo(2222);
    assertThat(ConfigLoader.locate(Optional.of(Path.of("other.yml")), dir))
        .contains(dir.resolve("other.yml"));
  }

  @Test
  void givenAnExplicitPathThatDoesNotExist_thenLoadingFailsNamingIt() {
    assertThatThrownBy(() -> ConfigLoader.load(Optional.of(Path.of("missing.yml")), Map.of(), dir))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the file given with --config does not exist")
        .hasMessageContaining(dir.resolve("missing.yml").toString());
  }

  @Test
  void givenNoExplicitPathAndNoCandorYml_thenNoFileIsUsed() {
    assertThat(ConfigLoader.locate(Optional.empty(), dir)).isEmpty();
  }

  @Test
  void givenAPasswordInsideTheDatabaseUrlOfTheFile_thenItIsRejectedWithoutQuotingIt() {
    assertThatThrownBy(
            () ->
                loadYaml(
                    dir,
                    "database:\n  url: jdbc:postgresql://db/candor?user=c&password=pw123\n",
                    Map.of()))
        .hasMessageContaining("database.url (CANDOR_DB_URL) contains a password")
        .hasMessageContaining("set CANDOR_DB_PASSWORD")
        .hasMessageNotContaining("pw123");
  }

  @Test
  void givenSeveralProblems_thenAllAreListedInOneMessage() {
    Path file = dir.resolve("candor.yml");

    assertThatThrownBy(() -> loadResource(dir, "two-problems.yml", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "Candor cannot start: 2 problems in configuration (file "
                + file
                + "):\n"
                + " - time-zone (CANDOR_DEFAULT_TZ) 'Mars/Base' is not an IANA time zone, e.g."
                + " Europe/Berlin\n"
                + " - sessions.release-min-askers (CANDOR_RELEASE_MIN_ASKERS) is 2; it must be at"
                + " least 3, so that no question can be traced to one of two people");
  }

  @Test
  void givenProblemsInFileAndEnvironment_thenBothAreListedAndTheEnvironmentOnesSaySo() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                loadResource(
                    dir, "typo.yml", Map.of("CANDOR_HTTP_PORT", "0", "SLACK_BOT_TOKEN", "xoxb-1")));

    assertThat(e.problems()).hasSize(3);
    assertThat(e.problems().get(1))
        .isEqualTo(
            "http.port (CANDOR_HTTP_PORT, from the environment) is 0; it must be between 1 and"
                + " 65535");
    assertThat(e.getMessage()).startsWith("Candor cannot start: 3 problems in configuration");
  }

  @Test
  void givenInvalidYaml_thenTheLineIsNamedAndTheContentIsNotQuoted() {
    assertThatThrownBy(() -> loadResource(dir, "broken.yml", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "the file is not valid YAML at line 4, column 1: found unexpected end of stream (while"
                + " scanning a quoted scalar at line 2, column 13)")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void givenADuplicateKey_thenItIsRejected() {
    assertThatThrownBy(() -> loadYaml(dir, "http:\n  port: 1\n  port: 2\n", Map.of()))
        .hasMessageContaining("Duplicate field 'port'");
  }

  @Test
  void givenAListWhereOneValueBelongs_thenItIsRejected() {
    assertThatThrownBy(() -> loadYaml(dir, "time-zone: [UTC]\n", Map.of()))
        .hasMessageContaining("time-zone (CANDOR_DEFAULT_TZ) must be a single value, not a list");
  }

  @Test
  void givenASectionWhereOneValueBelongs_thenOnlyThatIsReported() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> loadYaml(dir, "http:\n  port:\n    number: 1\n", Map.of()));

    assertThat(e.problems())
        .containsExactly("http.port (CANDOR_HTTP_PORT) must be a single value, not a section");
  }

  @Test
  void givenRemindersAsAStringInTheFile_thenTheyAreReadLikeTheEnvironmentForm() {
    CandorConfig config = loadYaml(dir, "sessions:\n  reminders: 1h, 5m\n", Map.of());

    assertThat(config.sessions().reminders())
        .isEqualTo(List.of(Duration.ofHours(1), Duration.ofMinutes(5)));
  }
}
