package dev.candor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.CandorException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever arrives from a chat platform, the parser answers with a command or a one-line error. */
class CommandParserRobustnessTest {
  private final CommandParser parser =
      new CommandParser(
          Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC),
          ZoneId.of("Europe/Berlin"));

  static final List<String> NASTY =
      List.of(
          "\u0000",
          "a\u0000b",
          "\u202E",
          "\u202Eq7kd",
          "\u200B",
          "q7kdm\u200B",
          "\uFEFF",
          "\u0085",
          "\u2028",
          "\r\n",
          "\t",
          "\u00A0",
          "\uD800",
          "\uDC00x",
          "😀",
          "👩‍👩‍👧‍👦",
          "x".repeat(10_000),
          "\"",
          "\"\"",
          "\"\"\"",
          "“",
          "”",
          "‘’",
          "’",
          "\" \"",
          "<!channel>",
          "<!here|here>",
          "<@U123>",
          "@everyone",
          "s99999999999999999999",
          "s١٢",
          "#",
          "q",
          "-",
          "in",
          "k",
          "for",
          "into",
          "in 999999999d",
          "9999-12-31 23:59",
          "0000-01-01 00:00",
          "'",
          "\\",
          "%s%n",
          "${jndi:ldap://x/a}",
          "'; DROP TABLE question; --");

  static final List<String> PREFIXES =
      List.of(
          "",
          "help ",
          "sessions ",
          "ask ",
          "ask s1 ",
          "questions ",
          "vote ",
          "vote q7kdm ",
          "unvote ",
          "withdraw ",
          "open ",
          "close s1 ",
          "hide ",
          "hide q7kdm ",
          "answer q7kdm ",
          "merge ",
          "merge q7kdm into ",
          "approve ",
          "summary ",
          "export s1 ",
          "export ",
          "schedule ",
          "schedule T ",
          "schedule T tomorrow 15:00 ",
          "schedule T tomorrow 15:00 for ",
          "schedule T tomorrow 15:00 tz ",
          "schedule T tomorrow 15:00 k ",
          "schedule T tomorrow 15:00 release ",
          "schedule T tomorrow 15:00 moderators ",
          "schedule \"T\" ");

  @ParameterizedTest(name = "nasty string {index}") // the strings themselves make poor names
  @MethodSource("nasty")
  void givenANastyString_thenEveryCommandAnswersWithACommandOrAOneLineCandorException(
      String nasty) {
    for (String prefix : PREFIXES) {
      for (String input : List.of(prefix + nasty, prefix + nasty + " tomorrow 15:00")) {
        try {
          assertThat(parser.parse(input)).as(input).isNotNull();
        } catch (CandorException e) {
          assertThat(e.getMessage())
              .as(input)
              .isNotBlank()
              .doesNotContain("\n", "\r", "\u0000", "\u2028", "\u0085", "\u202E")
              .hasSizeLessThan(600);
        }
      }
    }
  }

  static List<String> nasty() {
    return NASTY;
  }
}
