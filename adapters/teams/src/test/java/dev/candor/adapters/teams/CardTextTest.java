package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one escaper for TextBlock text: a table of what people type and what the card gets. */
class CardTextTest {
  private static final String J = String.valueOf(CardText.JOINER);

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = "=>",
      quoteCharacter = '"',
      value = {
        "Why is the budget late? => Why is the budget late?",
        "**bold** => \\*\\*bold\\*\\*",
        "_italic_ and ~strike~ => \\_italic\\_ and \\~strike\\~",
        "[link](http://x) => \\[link\\](http://x)",
        "`code` => \\`code\\`",
        "a | b => a \\| b",
        "back\\slash => back\\\\slash",
        "1. first => 1\\. first",
        "12) twelfth => 12\\) twelfth",
        "# heading => \\# heading",
        "- item => \\- item",
        "+ item => \\+ item",
        "> quote => \\> quote",
        "well-being, 3.5% and #1 in Q&A => well-being, 3.5% and #1 in Q&\u2060A",
        "Q&amp;A => Q&\u2060amp;A",
      })
  void givenMarkdown_thenItIsEscapedWhereItWouldTakeEffect(String typed, String shown) {
    assertThat(CardText.escape(typed)).isEqualTo(shown);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"<at>Boss</at>", "<AT>Boss</AT>", "</at>", "<b>bold</b>", "<!-- x -->", "<?xml?>"})
  void givenTags_thenNoTagSurvives(String typed) {
    String shown = CardText.escape(typed);
    assertThat(shown).doesNotContainPattern("<[A-Za-z/!?]").startsWith("<" + J);
    assertThat(shown.replace(J, "")).isEqualTo(typed);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{{DATE(2026-03-05T14:00:00Z, SHORT)}}",
        "{{TIME(2026-03-05T14:00:00Z)}}",
        "{{DATE(2026-03-05T14:00:00Z,COMPACT)}} later"
      })
  void givenDateFunctions_thenTheyAreNotEvaluated(String typed) {
    String shown = CardText.escape(typed);
    assertThat(shown).doesNotContain("{{").doesNotContain("}}");
    assertThat(shown.replace(J, "")).isEqualTo(typed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"a < b", "x <= 3", "5 > 4", "{ single }", "a & b"})
  void givenHarmlessSymbols_thenTheyStayAsTheyAre(String typed) {
    assertThat(CardText.escape(typed)).isEqualTo(typed);
  }

  @ParameterizedTest
  @ValueSource(strings = {"line one\nline two", "line one\r\nline two"})
  void givenLineBreaks_thenTheyStayAndEachLineIsEscapedOnItsOwn(String typed) {
    assertThat(CardText.escape(typed + "\n- item")).isEqualTo("line one\nline two\n\\- item");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bell\u0007", "nul\u0000", "esc\u001b[31m"})
  void givenControlCharacters_thenTheyAreDropped(String typed) {
    assertThat(CardText.escape(typed)).doesNotContainPattern("\\p{Cntrl}");
  }
}
