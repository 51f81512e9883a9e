package dev.candor.core.session;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.candor.core.CandorException;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionsView;
import dev.candor.core.summary.Participation;
import dev.candor.core.summary.SummaryView;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Shredding at archive: the key is erased, vote rows collapse into counts and authors are cleared,
 * so nobody can link anything to a person any more; what the session said stays readable.
 */
class ArchiveTest {

  /** A closed session: 5 askers, 7 voters, a ranked board. */
  private record Closed(TestCandor t, ListeningSession session, List<QuestionId> ids) {}

  private static Closed closedSession(TestCandor t) {
    ListeningSession s = t.scheduleSession();
    List<QuestionId> ids = t.askEach(s.id(), 1, 5);
    t.voteEach(ids.get(0), 1, 7);
    t.voteEach(ids.get(1), 2, 4);
    t.voteEach(ids.get(2), 5, 5);
    t.candor().sessions().close(t.moderator(), s.id());
    return new Closed(t, s, ids);
  }

  @Test
  void givenClosedThenArchived_thenTheKeyIsGoneAndNoPseudonymCanBeRecomputed() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      SessionId id = c.session().id();
      assertThat(t.recompute(id, participant(1))).isPresent();

      t.candor().sessions().archive(t.organizer(), id);

      assertThat(t.keyExists(id)).isFalse();
      assertThat(t.countWhere("SELECT COUNT(*) FROM session_keys WHERE session_id = ?", id.value()))
          .isZero();
      for (int p = 1; p <= 7; p++) {
        assertThat(t.recompute(id, participant(p))).isEmpty();
      }
    }
  }

  @Test
  void givenArchived_thenAuthorsAreClearedAndVoteRowsAreGoneButTalliesArePreserved() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      SessionId id = c.session().id();
      BoardView before = t.board(id);

      t.candor().sessions().archive(t.organizer(), id);

      assertThat(t.questions(id)).hasSize(5).extracting(Question::author).containsOnlyNulls();
      assertThat(t.countWhere("SELECT COUNT(*) FROM votes WHERE session_id = ?", id.value()))
          .isZero();
      assertThat(
              t.countWhere(
                  "SELECT COUNT(*) FROM questions WHERE session_id = ?"
                      + " AND author_pseudonym IS NOT NULL",
                  id.value()))
          .isZero();
      assertThat(t.question(c.ids().get(0)).archivedVotes()).isEqualTo(7);
      assertThat(t.question(c.ids().get(1)).archivedVotes()).isEqualTo(3);
      assertThat(t.question(c.ids().get(2)).archivedVotes()).isEqualTo(1);
      BoardView after = t.board(id);
      assertThat(after.entries())
          .extracting(BoardEntry::id, BoardEntry::votes, BoardEntry::rank)
          .containsExactlyElementsOf(
              before.entries().stream().map(e -> tuple(e.id(), e.votes(), e.rank())).toList());
      assertThat(after.entries().get(0).id()).isEqualTo(c.ids().get(0));
    }
  }

  @Test
  void givenArchived_thenTheFinalParticipationIsPreserved() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      SessionId id = c.session().id();
      Participation before = participation(t, id);
      SummaryView summaryBefore = t.candor().summaries().summary(t.moderator(), id);

      t.candor().sessions().archive(t.organizer(), id);

      assertThat(before).isEqualTo(new Participation(5, 7, 11));
      assertThat(participation(t, id)).isEqualTo(before);
      SummaryView summaryAfter = t.candor().summaries().summary(t.moderator(), id);
      assertThat(summaryAfter.participation()).isEqualTo(summaryBefore.participation());
      assertThat(summaryAfter.top()).isEqualTo(summaryBefore.top());
      assertThat(summaryAfter.released()).isEqualTo(5);
    }
  }

  @Test
  void givenArchiveRunTwice_thenTheSecondChangesNothing() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      SessionId id = c.session().id();
      t.candor().sessions().archive(t.organizer(), id);
      List<String> dump = t.dumpAllTables();

      ListeningSession again = t.candor().sessions().archive(t.organizer(), id);

      assertThat(again.state()).isEqualTo(SessionState.ARCHIVED);
      assertThat(t.dumpAllTables()).isEqualTo(dump);
      assertThat(t.question(c.ids().get(0)).archivedVotes()).isEqualTo(7);
    }
  }

  @Test
  void givenArchivedSession_thenAskingVotingUnvotingAndWithdrawingAreRefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      SessionId id = c.session().id();
      QuestionId q = c.ids().get(3);
      t.candor().sessions().archive(t.organizer(), id);

      assertRefused(() -> t.candor().questions().ask(participant(1), id, "Anyone there?"));
      assertRefused(() -> t.candor().votes().vote(participant(9), q));
      assertRefused(() -> t.candor().votes().unvote(participant(1), c.ids().get(0)));
      assertRefused(() -> t.candor().questions().withdraw(participant(4), q));
      assertThat(t.count("votes")).isZero();
      assertThat(t.count("session_keys")).isZero();
    }
  }

  @Test
  void givenArchivedSession_thenModerationIsReadOnly() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      t.candor().sessions().archive(t.organizer(), c.session().id());

      assertRefused(
          () -> t.candor().moderation().hide(t.moderator(), c.ids().get(0), Optional.of("late")));
      assertThat(t.board(c.session().id()).entries()).hasSize(5);
    }
  }

  @Test
  void givenArchivedSession_thenListingShowsTheBoardWithoutAWaitingForAskersLine() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      t.candor().sessions().archive(t.organizer(), c.session().id());

      QuestionsView view = t.candor().questions().list(participant(1), c.session().id());

      assertThat(view.board().entries()).hasSize(5);
      assertThat(view.yourPending()).isEmpty();
      assertThat(view.votedByYou()).isEmpty();
      // five people asked: "questions appear once at least 3 people have asked" would be untrue
      assertThat(view.waiting()).isEmpty();
    }
  }

  @Test
  void givenArchivedSessionWhereEnoughPeopleAsked_thenTheSummaryShowsTheUnreleasedCount() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Closed c = closedSession(t);
      SessionId id = c.session().id();
      SummaryView before = t.candor().summaries().summary(t.moderator(), id);

      t.candor().sessions().archive(t.organizer(), id);

      assertThat(before.unreleased().suppressed()).isFalse();
      assertThat(t.candor().summaries().summary(t.moderator(), id).unreleased())
          .isEqualTo(before.unreleased());
    }
  }

  private static Participation participation(TestCandor t, SessionId id) {
    return t.tx(tx -> t.candor().boards().participation(tx, t.candor().sessions().get(tx, id)));
  }

  private static void assertRefused(Runnable action) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            CandorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE);
              assertThat(e.getMessage()).doesNotContain("\n");
            });
  }
}
