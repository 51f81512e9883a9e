package dev.candor.core.render;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.AskResult;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.summary.SummaryView;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plain-text rendering used by the console and as fallback text on richer platforms. */
class PlainTextTest {

  @Test
  void givenError_thenOneLineWithACross() {
    assertThat(PlainText.render(new Reply.Error("There is no session s9. See: sessions")))
        .isEqualTo("✗ There is no session s9. See: sessions");
  }

  @Test
  void givenAsked_thenTheIdIsShownWithHowToTakeItBack() {
    QuestionId id = QuestionId.random();
    String text =
        PlainText.render(
            new Reply.Asked(new AskResult(id, "Why the move?", false, "It waits for k.")));

    assertThat(text)
        .isEqualTo(
            "Asked anonymously as "
                + id
                + ": \"Why the move?\"\n"
                + "It waits for k.\n"
                + "Only you see this id; withdraw "
                + id
                + " takes it back.");
  }

  @Test
  void givenBoard_thenRankedLinesVotesAnsweredMarkAndSuppressedFigures() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.voteEach(ids.get(1), 10, 11);
      t.candor().moderation().answer(t.moderator(), ids.get(1), Optional.of("Yes."));

      List<String> lines = PlainText.board(t.board(s.id())).lines().toList();

      assertThat(lines.get(0)).isEqualTo("Board of " + s.id() + " \"Session 1\" (scheduled)");
      assertThat(lines.get(1))
          .isEqualTo("   1.   2▲ " + ids.get(1) + "  Question from the floor number 2? [answered]");
      assertThat(lines.get(2)).isEqualTo("        → Yes.");
      assertThat(lines).hasSize(6);
      assertThat(lines.get(5)).isEqualTo("  Askers: 3 · voters: fewer than 3");
    }
  }

  @Test
  void givenQuestionWithLineSeparators_thenItStillTakesOneBoardLine() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "Honest\u2028  2.  99▲ qfake Fake one");
      t.askEach(s.id(), 2, 3);

      String board = PlainText.board(t.board(s.id()));

      assertThat(board.lines()).hasSize(5); // title, three entries, participation
      assertThat(board).doesNotContain("\u2028").doesNotContain("\u2029");
    }
  }

  @Test
  void givenSummary_thenParticipationReleasedCountsTopQuestionsAndHiddenReasons() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 4);
      t.candor().moderation().hide(t.moderator(), ids.get(3), Optional.of("Personal attack"));
      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());

      String text = PlainText.render(new Reply.Summary(summary));

      assertThat(text)
          .startsWith(
              "Summary of " + s.id() + " \"Session 1\" scheduled, Mon 2 Mar 2026 10:00–11:00 UTC")
          .contains("Askers: 4 · voters: fewer than 3 · votes: fewer than 3")
          .contains("Released: 4 · answered: 0 · unanswered: 3 · merged: 0 · never released: 0")
          .contains("Hidden by moderators (1):\n    - Personal attack");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PT24H, 1 day",
    "PT48H, 2 days",
    "PT1H, 1 hour",
    "PT10M, 10 minutes",
    "PT1M, 1 minute",
    "PT45S, 45 seconds",
    "PT1H30M, 90 minutes",
    "PT0S, 0 seconds"
  })
  void givenReminderLead_thenItReadsLikeASentence(Duration lead, String expected) {
    assertThat(PlainText.lead(lead)).isEqualTo(expected);
  }
}
