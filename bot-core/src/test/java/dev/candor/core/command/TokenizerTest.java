package dev.candor.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.command.Tokenizer.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenizerTest {

  @Test
  void givenQuotedAndPlainWords_thenQuotedSpansAreOneWord() {
    Tokenizer t = new Tokenizer("  \"Town  hall\" tomorrow\t “Q3 – plans” ‘Ana’s’ x", "Try: it");

    assertThat(t.tokens())
        .containsExactly(
            new Token("Town  hall", true),
            new Token("tomorrow", false),
            new Token("Q3 – plans", true),
            new Token("Ana’s", true),
            new Token("x", false));
  }

  @Test
  void givenAQuoteInsideAWord_thenItIsPartOfTheWord() {
    assertThat(new Tokenizer("Ana's O\"Neil", "Try: it").tokens())
        .extracting(Token::text)
        .containsExactly("Ana's", "O\"Neil");
  }

  @Test
  void givenAnUnclosedQuote_thenTheErrorSaysSoAndEndsWithTheUsage() {
    assertThatThrownBy(() -> new Tokenizer("\"Town hall\ntomorrow", "Try: it").tokens())
        .isInstanceOf(CandorException.class)
        .hasMessage(
            "A quote is not closed (before 'Town hall\uFFFDtomorrow'); put a quote at both ends,"
                + " e.g. \"Town hall\". Try: it");
  }

  @Test
  void givenFreeText_thenTheRestIsExactlyAsTyped() {
    Tokenizer t = new Tokenizer(" s12  “Why”  now?\n  Really?", "Try: it");

    assertThat(t.wordIf(w -> w.startsWith("s"))).contains("s12");
    assertThat(t.rest()).isEqualTo("“Why”  now?\n  Really?");
  }

  @Test
  void givenAWordThatFailsTheTest_thenNothingIsConsumed() {
    Tokenizer t = new Tokenizer("hello world", "Try: it");

    assertThat(t.wordIf(w -> false)).isEmpty();
    assertThat(t.rest()).isEqualTo("hello world");
  }

  @ParameterizedTest
  @CsvSource({
    "abc, abc",
    "'a\u0000b', a\uFFFDb",
    "'\u202Eevil', \uFFFDevil",
    "'a\u2028b', a\uFFFDb",
  })
  void givenTextToQuote_thenInvisibleCharactersAreReplaced(String text, String shown) {
    assertThat(Tokenizer.shown(text)).isEqualTo(shown);
  }

  @Test
  void givenLongTextToQuote_thenItIsCutAtFortyCharactersWithoutSplittingAnEmoji() {
    assertThat(Tokenizer.shown("😀".repeat(50))).isEqualTo("😀".repeat(40) + "…");
  }
}
