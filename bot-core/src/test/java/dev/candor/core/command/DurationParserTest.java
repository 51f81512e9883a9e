package dev.candor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

  @ParameterizedTest
  @CsvSource({
    "45m, PT45M",
    "1h, PT1H",
    "1h30m, PT1H30M",
    "1H30M, PT1H30M",
    "90s, PT1M30S",
    "2h, PT2H",
    "1d, PT24H",
    "1d2h3m4s, PT26H3M4S",
    "0, PT0S",
    "0s, PT0S",
  })
  void givenAGoodDuration_thenItsLength(String text, Duration expected) {
    assertThat(DurationParser.parse(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "h", "1", "1.5h", "-1m", "30m1h", "1 h", "1hour", "1w", "９０s", "1234567890s"})
  void givenAnythingElse_thenNothing(String text) {
    assertThat(DurationParser.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"PT0S, 0s", "PT1H30M, 1h30m", "P7D, 7d", "PT26H3M4S, 1d2h3m4s"})
  void givenADuration_thenItIsWrittenTheWayPeopleTypeIt(Duration d, String text) {
    assertThat(DurationParser.format(d)).isEqualTo(text);
  }
}
