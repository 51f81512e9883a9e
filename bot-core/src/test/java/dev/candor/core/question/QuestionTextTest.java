package dev.candor.core.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.candor.core.CandorException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionTextTest {

  static Stream<Arguments> cleaned() {
    return Stream.of(
        arguments("  Why the move?  ", "Why the move?"),
        arguments("\t\n Why the move? \r\n", "Why the move?"),
        arguments("Why   the    move?", "Why the move?"),
        arguments("Line one\nline two", "Line one line two"),
        arguments("Tabs\tbecome\tspaces", "Tabs become spaces"),
        arguments("bell\u0007 and null\u0000 gone", "bell and null gone"),
        arguments("escape \u001B[31mred\u001B[0m", "escape [31mred[0m"),
        arguments("right-to-left \u202Eevil\u202C override", "right-to-left evil override"),
        arguments("isolates \u2066x\u2069 and mark \u200F here", "isolates x and mark here"),
        arguments(
            "zero\u200Bwidth\u200Cjoin\u200Dword\u2060joiner\uFEFFbom",
            "zerowidthjoinwordjoinerbom"),
        arguments("soft\u00ADhyphen", "softhyphen"),
        arguments("private \uE000use", "private use"),
        arguments("Ünïcödé – “quotes” stay 😀", "Ünïcödé – “quotes” stay 😀"));
  }

  @ParameterizedTest
  @MethodSource("cleaned")
  void givenRawText_thenItIsCleaned(String raw, String expected) {
    assertThat(QuestionText.clean(raw)).isEqualTo(expected);
  }

  @Test
  void givenThreeCharacters_thenAccepted() {
    assertThat(QuestionText.clean("Why")).isEqualTo("Why");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "   ", "ab", "  ab  ", "a\u200Bb", "\u202Ea\u202Cb", "a\u0000\u0000b", "\n\t"})
  void givenFewerThanThreeCharactersAfterCleaning_thenRejectedAsInvalidInput(String raw) {
    assertThatThrownBy(() -> QuestionText.clean(raw))
        .isInstanceOfSatisfying(
            CandorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT);
              assertThat(e.getMessage()).contains("at least 3 characters");
            });
  }

  @Test
  void givenNullText_thenRejectedNotThrownAsNullPointer() {
    assertThatThrownBy(() -> QuestionText.clean(null)).isInstanceOf(CandorException.class);
  }

  @Test
  void givenExactlyOneThousandCharacters_thenAccepted() {
    String text = "x".repeat(1000);
    assertThat(QuestionText.clean(text)).hasSize(1000);
  }

  @Test
  void givenOneThousandCharactersPlusInvisibleOnes_thenAcceptedBecauseLengthCountsAfterCleaning() {
    String text = "\u200B".repeat(50) + "x".repeat(1000) + "   ";
    assertThat(QuestionText.clean(text)).hasSize(1000);
  }

  @Test
  void givenOneThousandEmoji_thenAcceptedBecauseLengthCountsCodePoints() {
    String text = "😀".repeat(1000);
    assertThat(QuestionText.clean(text)).isEqualTo(text);
  }

  @Test
  void givenOneThousandAndOneCharacters_thenRejectedWithTheLengthInTheMessage() {
    assertThatThrownBy(() -> QuestionText.clean("x".repeat(1001)))
        .isInstanceOfSatisfying(
            CandorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT);
              assertThat(e.getMessage()).contains("at most 1000").contains("1001");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"ab", "x", "\n\n\n", "\u202E\n"})
  void givenRejectedTextOfAnyShape_thenTheMessageIsOneLine(String raw) {
    assertOneLineMessage(raw);
  }

  @Test
  void givenTooLongMultilineText_thenTheMessageIsOneLineAndDoesNotEchoTheText() {
    String raw = ("secret line\n").repeat(200);
    assertOneLineMessage(raw);
    assertThatThrownBy(() -> QuestionText.clean(raw)).message().doesNotContain("secret");
  }

  @Test
  void givenLineAndParagraphSeparators_thenTheyBecomeSpacesSoTheTextStaysOnOneLine() {
    // U+2028/U+2029 render as line breaks; left in, a question could fake extra board lines.
    assertThat(QuestionText.clean("First\u2028  2.  99▲ qfake Second\u2029end"))
        .isEqualTo("First 2. 99▲ qfake Second end");
  }

  @Test
  void givenCleanedText_thenItHasNoLineBreaksOrInvisibleCharactersLeft() {
    String nasty = "a\r\nb\u0085c\u2028d\u2029e\u000Bf\u000Cg\u200Eh\u202Ai\u2067j";
    String cleaned = QuestionText.clean(nasty);
    assertThat(cleaned.codePoints())
        .noneMatch(Character::isISOControl)
        .noneMatch(cp -> Character.getType(cp) == Character.FORMAT)
        .noneMatch(cp -> Character.getType(cp) == Character.LINE_SEPARATOR)
        .noneMatch(cp -> Character.getType(cp) == Character.PARAGRAPH_SEPARATOR);
  }

  @Test
  void givenSanitize_thenItCleansWithoutJudgingTheLength() {
    assertThat(QuestionText.sanitize(" \u200B ")).isEmpty();
    assertThat(QuestionText.sanitize("x".repeat(1500))).hasSize(1500);
  }

  private static void assertOneLineMessage(String raw) {
    assertThatThrownBy(() -> QuestionText.clean(raw))
        .isInstanceOf(CandorException.class)
        .message()
        .isNotBlank()
        .doesNotContain("\n")
        .doesNotContain("\r");
  }
}
