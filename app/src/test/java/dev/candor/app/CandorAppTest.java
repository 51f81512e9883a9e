package dev.candor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line: help, and a clear exit on bad configuration. */
class CandorAppTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @Test
  void helpListsTheThreeModes() {
    int exit = CandorApp.run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("serve")
        .contains("console")
        .contains("demo")
        .contains("--config");
  }

  @Test
  void aMissingConfigFileIsOneClearMessageAndExitTwo() {
    int exit = CandorApp.run("demo", "--config", dir.resolve("nope.yml").toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("does not exist")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void everyProblemInTheFileIsListedAtOnce() throws Exception {
    Path file = dir.resolve("candor.yml");
    Files.writeString(
        file, "time-zone: Mars/Base\nsessions:\n  release-min-askers: 2\nhttp:\n  port: 0\n");

    int exit = CandorApp.run("demo", "--config", file.toString());

    String message = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(2);
    assertThat(message).contains("Mars/Base").contains("release-min-askers").contains("port");
    assertThat(message).doesNotContain("\tat ");
  }
}
