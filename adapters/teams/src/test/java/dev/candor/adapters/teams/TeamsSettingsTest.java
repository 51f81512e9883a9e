package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TeamsSettingsTest {

  @Test
  void givenAllVariables_thenAuthenticatedSingleTenant() {
    TeamsSettings s =
        TeamsSettings.fromEnv(
            Map.of(
                "MICROSOFT_APP_ID", "app-1",
                "MICROSOFT_APP_PASSWORD", "s3cret",
                "MICROSOFT_APP_TENANT_ID", "tenant-9"));

    assertThat(s.authenticates()).isTrue();
    assertThat(s.appId()).contains("app-1");
    assertThat(s.tenantId()).contains("tenant-9");
    assertThat(s.openIdMetadataUrl()).isEmpty();
  }

  @Test
  void givenNoVariablesOrBlankOnes_thenLocalMode() {
    assertThat(TeamsSettings.fromEnv(Map.of()).authenticates()).isFalse();
    assertThat(TeamsSettings.fromEnv(Map.of("MICROSOFT_APP_ID", "  ")).authenticates()).isFalse();
  }

  @Test
  void givenAnAppIdWithoutPassword_thenRefusedWithTheVariableNamed() {
    assertThatThrownBy(() -> TeamsSettings.fromEnv(Map.of("MICROSOFT_APP_ID", "app-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MICROSOFT_APP_PASSWORD");
  }

  @Test
  void givenAPasswordWithoutAppId_thenRefused() {
    assertThatThrownBy(() -> TeamsSettings.fromEnv(Map.of("MICROSOFT_APP_PASSWORD", "s3cret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MICROSOFT_APP_ID");
  }

  @Test
  void givenSettings_thenToStringNeverShowsThePassword() {
    assertThat(TeamsSettings.of("app-1", "s3cret", null).toString())
        .contains("app-1")
        .doesNotContain("s3cret");
  }
}
