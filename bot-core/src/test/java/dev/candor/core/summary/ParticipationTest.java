package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.summary.Participation.Figure;
import dev.candor.core.summary.Participation.ParticipationView;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No small crowds: every participation figure below k is suppressed, in every view. */
class ParticipationTest {

  @ParameterizedTest(name = "{0} with k={1}")
  @CsvSource({"0,5", "1,5", "4,5", "2,3"})
  void givenFigureBelowK_thenSuppressedAndTheValueIsNotKept(int value, int k) {
    Figure f = Figure.of(value, k);

    assertThat(f.suppressed()).isTrue();
    assertThat(f.value()).isZero();
    assertThat(f).hasToString("fewer than " + k);
  }

  @ParameterizedTest(name = "{0} with k={1}")
  @CsvSource({"5,5", "6,5", "3,3", "1000,5"})
  void givenFigureAtOrAboveK_thenShownExactly(int value, int k) {
    Figure f = Figure.of(value, k);

    assertThat(f.suppressed()).isFalse();
    assertThat(f.value()).isEqualTo(value);
    assertThat(f).hasToString(Integer.toString(value));
  }

  @Test
  void givenFourAskersAndKFive_thenBoardAndSummaryShowFewerThanFiveForEveryFigure() {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 4);

      ParticipationView board = t.board(s.id()).participation();
      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());

      assertSuppressed(board.askers(), board.voters(), board.votes());
      assertSuppressed(
          summary.participation().askers(),
          summary.participation().voters(),
          summary.participation().votes());
      assertSuppressed(summary.unreleased());
      assertThat(PlainText.summary(summary))
          .contains("Askers: fewer than 5 · voters: fewer than 5 · votes: fewer than 5")
          .contains("never released: not shown (fewer than 5 people asked)");
      assertThat(PlainText.board(t.board(s.id())))
          .contains("Askers: fewer than 5 · voters: fewer than 5");
    }
  }

  @Test
  void givenFiveAskersButThreeVoters_thenAskersAreExactAndVotersAndVotesAreSuppressed() {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 5);
      t.voteEach(ids.get(0), 11, 13);

      ParticipationView board = t.board(s.id()).participation();

      assertThat(board.askers().suppressed()).isFalse();
      assertThat(board.askers().value()).isEqualTo(5);
      assertSuppressed(board.voters(), board.votes());
    }
  }

  @Test
  void givenEnoughOfEverything_thenEveryFigureIsExactOnBoardAndSummary() {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 6);
      t.voteEach(ids.get(0), 1, 5);
      t.voteEach(ids.get(1), 5, 7);
      t.candor().questions().ask(participant(1), s.id(), "One more from the first asker");

      ParticipationView board = t.board(s.id()).participation();
      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());

      assertThat(List.of(board.askers(), board.voters(), board.votes()))
          .extracting(Figure::value)
          .containsExactly(6, 7, 8);
      assertThat(List.of(board.askers(), board.voters(), board.votes()))
          .noneMatch(Figure::suppressed);
      assertThat(summary.participation()).isEqualTo(board);
      assertThat(PlainText.summary(summary)).contains("Askers: 6 · voters: 7 · votes: 8");
    }
  }

  @Test
  void givenUnreleasedQuestionsOnceKPeopleAsked_thenTheirCountIsShown() {
    try (TestCandor t =
        TestCandor.create().withK(3).withReleaseInterval(Duration.ofMinutes(2)).build()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3); // released at once: the first batch
      t.askEach(s.id(), 4, 5); // wait for the next boundary

      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());

      assertThat(summary.unreleased().suppressed()).isFalse();
      assertThat(summary.unreleased().value()).isEqualTo(2);
      assertThat(summary.released()).isEqualTo(3);
    }
  }

  private static void assertSuppressed(Figure... figures) {
    assertThat(figures)
        .allSatisfy(
            f -> {
              assertThat(f.suppressed()).isTrue();
              assertThat(f.value()).isZero();
            });
  }
}
