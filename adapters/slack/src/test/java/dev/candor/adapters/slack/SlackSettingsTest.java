package dev.candor.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {

  @Test
  void givenNoBotToken_thenSlackIsNotConfigured() {
    assertThat(SlackSettings.fromEnvironment(Map.of("SLACK_SIGNING_SECRET", "s"))).isEmpty();
    assertThat(SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", " "))).isEmpty();
  }

  @Test
  void givenTheBoltVariables_thenTheyAreRead() {
    SlackSettings s =
        SlackSettings.fromEnvironment(
                Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-1",
                    "SLACK_APP_TOKEN", "xapp-1",
                    "SLACK_SIGNING_SECRET", "",
                    "CANDOR_SLACK_API_URL", "http://127.0.0.1:9000/api"))
            .orElseThrow();

    assertThat(s.socketMode()).isTrue();
    assertThat(s.appToken()).contains("xapp-1");
    assertThat(s.signingSecret()).isEmpty();
    assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:9000/api/");
  }

  @Test
  void givenNoApiUrl_thenSlackItselfIsUsed() {
    SlackSettings s =
        SlackSettings.fromEnvironment(
                Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s"))
            .orElseThrow();

    assertThat(s.apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(s.socketMode()).isFalse();
  }

  @Test
  void givenNeitherSigningSecretNorAppToken_thenTheSettingsAreRefused() {
    assertThatThrownBy(() -> SlackSettings.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1")))
        .hasMessageContaining("signing secret (HTTP mode) or an app token (Socket Mode)");
  }

  @Test
  void givenSecrets_thenToStringShowsNone() {
    SlackSettings s =
        new SlackSettings(
            "xoxb-secret",
            Optional.of("signing-secret"),
            Optional.of("xapp-secret"),
            SlackSettings.SLACK_API_URL,
            SlackSettings.DEFAULT_CHANNEL_PACE);

    assertThat(s.toString()).doesNotContain("secret");
  }
}
