package dev.candor.app.config;

import static dev.candor.app.config.Fixtures.loadEnv;
import static dev.candor.app.config.Fixtures.loadResource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.CandorSettings;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandorConfigTest {
  @TempDir Path dir;

  @Test
  void givenEverySecretSet_thenToStringSaysSetAndShowsNone() {
    String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
    Map<String, String> env =
        Map.of(
            "CANDOR_MASTER_KEY", masterKey,
            "CANDOR_DB_PASSWORD", "db-pass-123",
            "CANDOR_DB_URL", "jdbc:postgresql://candor:url-pass-456@db/candor?password=q-789",
            "SLACK_BOT_TOKEN", "xoxb-bot-123",
            "SLACK_SIGNING_SECRET", "signing-456",
            "SLACK_APP_TOKEN", "xapp-app-789",
            "MICROSOFT_APP_ID", "teams-app-id",
            "MICROSOFT_APP_PASSWORD", "teams-pass-123");

    String printed = loadEnv(dir, env).toString();

    assertThat(printed)
        .doesNotContain(
            masterKey,
            "db-pass-123",
            "url-pass-456",
            "q-789",
            "xoxb-bot-123",
            "signing-456",
            "xapp-app-789",
            "teams-pass-123")
        .contains("masterKey=<set>", "password=<set>", "botToken=<set>", "appPassword=<set>")
        .contains("jdbc:postgresql://candor:<redacted>@db/candor?password=<redacted>")
        .contains("appId=teams-app-id");
  }

  @Test
  void givenNoSecrets_thenToStringSaysUnset() {
    assertThat(CandorConfig.defaults().toString())
        .contains("masterKey=<unset>", "password=<unset>", "botToken=<unset>")
        .doesNotContain("Optional");
  }

  @Test
  void givenASecret_thenItsOwnToStringHidesTheValue() {
    assertThat(Secret.of("hunter2")).hasToString("<set>");
    assertThat(Secret.of("hunter2").reveal()).isEqualTo("hunter2");
  }

  @Test
  void givenDefaults_thenTheCoreSettingsAreTheCoreDefaults() {
    CandorSettings settings = CandorConfig.defaults().toSettings();
    CandorSettings core = CandorSettings.defaults();

    assertThat(settings.organizers().isEmpty()).isTrue();
    assertThat(settings).usingRecursiveComparison().ignoringFields("organizers").isEqualTo(core);
  }

  @Test
  void givenAFullFile_thenEveryValueReachesTheCoreSettings() {
    CandorSettings settings = loadResource(dir, "full.yml", Map.of()).toSettings();

    assertThat(settings.organizers().includes(new UserRef(Platform.SLACK, "U024BE7LH"))).isTrue();
    assertThat(settings.organizers().includes(new UserRef(Platform.TEAMS, "29:1abc"))).isTrue();
    assertThat(settings.organizers().includes(new UserRef(Platform.SLACK, "U0"))).isFalse();
    assertThat(settings.defaultZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(settings.defaultDuration()).isEqualTo(Duration.ofMinutes(90));
    assertThat(settings.intakeClosingLead()).isEqualTo(Duration.ofMinutes(20));
    assertThat(settings.boardRefreshInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.releaseTick()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.archiveAfter()).isEqualTo(Duration.ofDays(30));
    assertThat(settings.boardSize()).isEqualTo(20);
    assertThat(settings.sessionDefaults().minAskers()).isEqualTo(7);
    assertThat(settings.sessionDefaults().releaseInterval()).isZero();
    assertThat(settings.sessionDefaults().premoderated()).isTrue();
    assertThat(settings.sessionDefaults().maxQuestionsPerPerson()).isEqualTo(3);
    assertThat(settings.sessionDefaults().askCooldown()).isEqualTo(Duration.ofSeconds(45));
    assertThat(settings.sessionDefaults().reminderOffsets())
        .containsExactly(Duration.ofDays(1), Duration.ofHours(2));
  }

  @Test
  void givenAnyOrganizer_thenTheCoreLetsAnyoneSchedule() {
    CandorSettings settings = loadEnv(dir, Map.of("CANDOR_ORGANIZERS", "*")).toSettings();

    assertThat(settings.organizers().includes(new UserRef(Platform.TEAMS, "anyone"))).isTrue();
  }
}
