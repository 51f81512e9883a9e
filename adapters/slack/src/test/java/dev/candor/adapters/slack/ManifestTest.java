package dev.candor.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.adapters.slack.render.Ids;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The app manifest and the code agree on the command, the shortcuts, the events and scopes. */
class ManifestTest {
  private static final Path MANIFEST = Path.of("../../config/slack/manifest.yml");

  @Test
  void givenTheManifest_thenItNamesWhatTheAdapterRegisters() throws Exception {
    String manifest = Files.readString(MANIFEST);

    assertThat(manifest)
        .contains("- command: " + Ids.COMMAND)
        .contains("callback_id: " + Ids.Ask.SHORTCUT)
        .contains("callback_id: " + Ids.Schedule.SHORTCUT)
        .contains("- app_home_opened")
        .contains("home_tab_enabled: true")
        .contains("socket_mode_enabled: true");
  }

  @Test
  void givenTheManifest_thenItAsksForTheLeastScopes() throws Exception {
    String scopes =
        Files.readString(MANIFEST)
            .lines()
            .dropWhile(l -> !l.contains("bot:"))
            .skip(1)
            .takeWhile(l -> l.trim().startsWith("- "))
            .map(l -> l.trim().substring(2))
            .reduce("", (a, b) -> a + b + " ")
            .trim();

    assertThat(scopes).isEqualTo("commands chat:write im:write");
  }
}
