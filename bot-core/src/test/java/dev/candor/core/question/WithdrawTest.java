package dev.candor.core.question;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** People may take back their own questions, and only their own. */
class WithdrawTest {

  @Test
  void givenOwnReleasedQuestionWithVotes_whenWithdrawn_thenTheQuestionAndItsVotesAreGone() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      QuestionId mine = ids.get(0);
      t.voteEach(mine, 4, 6);
      t.voteEach(ids.get(1), 4, 4);

      QuestionId withdrawn = t.candor().questions().withdraw(participant(1), mine);

      Optional<Question> gone = t.tx(tx -> tx.questions().find(mine));
      assertThat(withdrawn).isEqualTo(mine);
      assertThat(gone).isEmpty();
      assertThat(t.countWhere("SELECT COUNT(*) FROM votes WHERE question_id = ?", mine.code()))
          .isZero();
      assertThat(t.count("votes")).isEqualTo(1);
      assertThat(t.board(s.id()).entries()).extracting(BoardEntry::id).doesNotContain(mine);
    }
  }

  @Test
  void givenOwnPendingQuestion_whenWithdrawn_thenItIsGone() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId mine = t.candor().questions().ask(participant(1), s.id(), "Never mind").id();

      t.candor().questions().withdraw(participant(1), mine);

      assertThat(t.count("questions")).isZero();
    }
  }

  @Test
  void givenSomeoneElsesQuestion_whenWithdrawn_thenRefusedAndItStays() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.voteEach(ids.get(0), 5, 6);

      assertThatThrownBy(() -> t.candor().questions().withdraw(participant(2), ids.get(0)))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED);
                assertThat(e.getMessage()).contains("only withdraw your own").doesNotContain("\n");
              });
      assertThat(t.question(ids.get(0)).status()).isEqualTo(QuestionStatus.PUBLISHED);
      assertThat(t.count("votes")).isEqualTo(2);
    }
  }

  @Test
  void givenModerator_thenTheyCannotWithdrawAParticipantsQuestionEither() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);

      assertThatThrownBy(() -> t.candor().questions().withdraw(t.moderator(), q))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED));
    }
  }

  @Test
  void givenClosedSession_thenOwnQuestionsCanNoLongerBeWithdrawn() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);
      t.candor().sessions().close(t.moderator(), s.id());

      assertThatThrownBy(() -> t.candor().questions().withdraw(participant(1), q))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
    }
  }
}
