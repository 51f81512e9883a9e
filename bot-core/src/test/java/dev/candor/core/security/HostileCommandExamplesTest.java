package dev.candor.core.security;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.render.PlainText;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile commands found by, or written after, the generated tests in {@code
 * CommandParserPropertyTest}, kept as plain examples: each must be answered with one short plain
 * line, never the apology for an unexpected failure, and store nothing.
 */
class HostileCommandExamplesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "schedule \"T\" tomorrow 15:00 moderators console:%s",
        "schedule \"T\" tomorrow 15:00 moderators %s",
        "schedule \"T\" tomorrow 15:00 channels console:%s",
        "schedule \"T\" tomorrow 15:00 channels slack:%s",
      })
  void givenAnOrganizerNamesAnIdLongerThanStorageHolds_thenAPlainErrorAndNothingStored(
      String template) {
    try (TestCandor t = TestCandor.withDefaults()) {
      List<String> before = t.dumpAllTables();

      Reply reply = t.command(t.organizer(), template.replace("%s", "x".repeat(600)));

      assertPlainError(reply);
      assertThat(t.dumpAllTables()).isEqualTo(before);
    }
  }

  @Test
  void givenManySessions_thenTheAnswerToAnAskWithoutSessionStaysShort() {
    try (TestCandor t = TestCandor.withDefaults()) {
      for (int i = 0; i < 30; i++) {
        String title = "A rather long session title, number " + i + " " + "x".repeat(120);
        t.scheduleSession(t.sessionRequest(title, List.of()));
      }

      Reply reply = t.command(participant(1), "ask Why are we moving?");

      assertPlainError(reply);
      assertThat(((Reply.Error) reply).text().length()).isLessThanOrEqualTo(1_000);
      assertThat(t.count("questions")).isZero();
    }
  }

  @Test
  void givenAnAskOfTwentyThousandCharacters_thenAPlainErrorNamingTheLimitAndNothingStored() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.scheduleSession();

      Reply reply = t.command(participant(1), "ask " + "ä".repeat(20_000));

      assertPlainError(reply);
      assertThat(((Reply.Error) reply).text()).contains("4000").hasSizeLessThan(200);
      assertThat(t.count("questions")).isZero();
    }
  }

  private static void assertPlainError(Reply reply) {
    assertThat(reply)
        .as(PlainText.render(reply))
        .isInstanceOfSatisfying(
            Reply.Error.class,
            e ->
                assertThat(e.text())
                    .doesNotStartWith("Something went wrong")
                    .doesNotContain("\n", "Exception"));
  }
}
