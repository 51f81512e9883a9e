package dev.candor.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
  @ParameterizedTest
  @CsvSource({
    "45s, PT45S",
    "10m, PT10M",
    "1h30m, PT1H30M",
    "2h, PT2H",
    "7d, PT168H",
    "0, PT0S",
    "500ms, PT0.5S",
    "1d2h3m4s5ms, PT26H3M4.005S",
    "'1h 30m', PT1H30M",
    "10M, PT10M"
  })
  void givenTheConfigurationForm_thenTheDuration(String text, Duration expected) {
    assertThat(DurationText.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "10",
        "m",
        "-5m",
        "30m1h",
        "1h1h",
        "1.5h",
        "PT10M",
        "10 minutes",
        "99999999999999999999d"
      })
  void givenAnythingElse_thenNoDuration(String text) {
    assertThat(DurationText.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "45s", "10m", "1h30m", "7d", "500ms", "1d2h3m4s5ms"})
  void givenADuration_thenFormattingGivesBackItsText(String text) {
    assertThat(DurationText.format(DurationText.parse(text).orElseThrow())).isEqualTo(text);
  }
}
