package dev.candor.adapters.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackTextTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiterString = "=>",
      value = {
        "<!channel> => &lt;!channel&gt;",
        "<!here> => &lt;!here&gt;",
        "<!everyone> => &lt;!everyone&gt;",
        "<@U123> => &lt;@U123&gt;",
        "<@U123|bob> => &lt;@U123|bob&gt;",
        "<!subteam^S0LEAD> => &lt;!subteam^S0LEAD&gt;",
        "<#C0BOARD> => &lt;#C0BOARD&gt;",
        "<https://evil.example|ok> => &lt;https://evil.example|ok&gt;",
        "Q&A => Q&amp;A",
        "&lt; already escaped => &amp;lt; already escaped",
        "plain words => plain words"
      })
  void givenUserText_thenControlCharactersAreEscaped(String raw, String escaped) {
    assertThat(SlackText.escape(raw)).isEqualTo(escaped);
  }

  @Test
  void givenNull_thenTheEscapeIsEmpty() {
    assertThat(SlackText.escape(null)).isEmpty();
  }

  @Test
  void givenACutThroughAnEntity_thenTheWholeEntityIsDropped() {
    String escaped = SlackText.escape("abcd<efgh");

    assertThat(SlackText.truncateMrkdwn(escaped, 7)).isEqualTo("abcd…");
    assertThat(SlackText.escape("abcdefgh", 5)).isEqualTo("abcd…");
  }

  @Test
  void givenADate_thenItIsASlackDateTokenWithALocalFallback() {
    assertThat(SlackText.date(Instant.parse("2026-03-03T14:00:00Z"), ZoneId.of("America/New_York")))
        .isEqualTo(
            "<!date^1772546400^{date_short_pretty} at {time}|Tue 3 Mar 2026 09:00 America/New_York>");
  }

  @Test
  void givenLongMrkdwn_thenItSplitsAtLineBreaksWithinTheLimit() {
    String text = ("line of text\n").repeat(400);

    var parts = BlockList.split(text, SlackText.SECTION_MAX);

    assertThat(parts).hasSizeGreaterThan(1).allMatch(p -> p.length() <= SlackText.SECTION_MAX);
    assertThat(String.join("\n", parts).replace("\n", "")).isEqualTo(text.replace("\n", ""));
  }
}
