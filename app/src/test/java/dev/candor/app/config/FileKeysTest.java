package dev.candor.app.config;

import static dev.candor.app.config.Fixtures.loadResource;
import static dev.candor.app.config.Fixtures.loadYaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file holds only known keys and no secrets; a mistake is named, never silently ignored. */
class FileKeysTest {
  @TempDir Path dir;

  @Test
  void givenAnUnknownKey_thenItIsRejectedByItsFullPathWithASuggestion() {
    assertThatThrownBy(() -> loadResource(dir, "typo.yml", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "unknown key 'sessions.realease-interval'; did you mean 'sessions.release-interval'?");
  }

  @Test
  void givenAKeyInTheWrongSection_thenTheRightPlaceIsSuggested() {
    assertThatThrownBy(() -> loadYaml(dir, "release-min-askers: 5\n", Map.of()))
        .hasMessageContaining(
            "unknown key 'release-min-askers'; did you mean 'sessions.release-min-askers'?");
  }

  @Test
  void givenAnUnknownKeyWithNoLookAlike_thenTheKeysOfItsSectionAreListed() {
    assertThatThrownBy(() -> loadYaml(dir, "board:\n  colour: blue\n", Map.of()))
        .hasMessageContaining(
            "unknown key 'board.colour'; the keys of board are: refresh-interval, size");
  }

  @Test
  void givenSecretsInTheFile_thenEachIsRejectedNamingItsVariableAndNotItsValue() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> loadResource(dir, "secrets.yml", Map.of()));

    assertThat(e.problems())
        .containsExactly(
            "database.password: secrets are read only from the environment: remove it from the"
                + " file and set CANDOR_DB_PASSWORD",
            "slack.bot-token: secrets are read only from the environment: remove it from the file"
                + " and set SLACK_BOT_TOKEN",
            "slack.signing-secret: secrets are read only from the environment: remove it from the"
                + " file and set SLACK_SIGNING_SECRET",
            "master-key: secrets are read only from the environment: remove it from the file and"
                + " set CANDOR_MASTER_KEY",
            "teams.app-password: secrets are read only from the environment: remove it from the"
                + " file and set MICROSOFT_APP_PASSWORD");
    assertThat(e.getMessage())
        .doesNotContain("hunter2", "xoxb-in-the-file", "abc123", "c2VjcmV0", "teams-pw");
  }

  @Test
  void givenASecretLookingKeyOfNoKnownKind_thenItIsRejectedAsASecret() {
    assertThatThrownBy(() -> loadYaml(dir, "database:\n  api-key: abc\n", Map.of()))
        .hasMessageContaining(
            "database.api-key: secrets are read only from the environment: remove it from the"
                + " file and set CANDOR_DB_PASSWORD")
        .hasMessageNotContaining("abc");
  }

  @Test
  void givenASectionWrittenAsAValue_thenItIsRejectedListingItsKeys() {
    assertThatThrownBy(() -> loadYaml(dir, "http: 8080\n", Map.of()))
        .hasMessageContaining("http must be a section of keys (port), not a single value");
  }

  @Test
  void givenTeamsKeysInTheFile_thenTheyAreSentToTheEnvironment() {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () -> loadYaml(dir, "teams:\n  app-id: abc\n  local-mode: true\n", Map.of()));

    assertThat(e.problems())
        .containsExactly(
            "teams.app-id is read only from the environment: remove it from the file and set"
                + " MICROSOFT_APP_ID",
            "unknown key 'teams.local-mode'; Teams is set up only through the environment:"
                + " MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID");
  }
}
