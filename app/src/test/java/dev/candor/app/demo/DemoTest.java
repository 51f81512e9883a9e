package dev.candor.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.app.config.CandorConfig;
import dev.candor.app.config.ConfigLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: the demo tells the whole story and exits 0. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void theDemoRunsASessionFromScheduleToShreddedKey() throws Exception {
    CandorConfig config =
        ConfigLoader.load(Optional.empty(), Map.of("CANDOR_DATA_DIR", dir.toString()), dir);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    int exit = new Demo(config, out).run();

    String story = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(story).isZero();
    assertThat(story)
        .contains("starts in 10 seconds")
        .contains("starts in 5 seconds")
        .contains("is live now")
        .contains("[DM to moderator]")
        .contains("Summary of s1")
        .contains("voters: 60")
        .contains("Hidden by moderators (1)")
        .contains("Session key shredded");
    // Participants never appear by name: the demo's staff ids are nowhere in what Candor printed.
    assertThat(story.replaceAll("staff-\\d+ is told privately", "")).doesNotContain("staff-");
  }
}
