package dev.candor.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped example documents the code as it is: same keys, same defaults. */
class ExampleConfigTest {
  /** Relative to the app module, where Maven runs the tests. */
  private static final Path EXAMPLE = Path.of("..", "config", "candor.example.yml");

  @Test
  void givenTheExampleFile_thenItIsValidAndEqualToTheDefaults() {
    CandorConfig example = ConfigLoader.load(Optional.of(EXAMPLE), Map.of(), Path.of("."));

    assertThat(example).isEqualTo(CandorConfig.defaults());
  }

  @Test
  void givenTheExampleFile_thenItNamesEveryKeyAndEveryEnvironmentVariable() throws IOException {
    String text = Files.readString(EXAMPLE);

    for (ConfigKey key : ConfigKey.values()) {
      assertThat(text)
          .as("the example sets %s", key.path)
          .containsPattern("(?m)^\\s*" + key.leaf() + ":");
      assertThat(text).as("the example names %s", key.env).contains("Env: " + key.env);
    }
    for (EnvOnly setting : EnvOnly.values()) {
      assertThat(text).as("the example names %s", setting.env).contains(setting.env);
    }
  }
}
