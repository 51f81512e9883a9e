package dev.candor.core.series;

import static dev.candor.core.series.SeriesTest.OPEN_FLOOR;
import static dev.candor.core.series.SeriesTest.onlyLive;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code carry}: the unanswered top questions of one occurrence reach the next as released
 * questions with no author and no votes, marked with where they came from; once only.
 */
class CarryOverTest {
  private static final SessionId FIRST = new SessionId(1);

  @Test
  void givenClosedOccurrence_thenItsUnansweredTopQuestionsAreCarriedWithoutAuthorsOrVotes() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR + " moderators console:moderator");
      List<QuestionId> asked = t.askEach(FIRST, 1, 5);
      t.voteEach(asked.get(4), 1, 4);
      t.voteEach(asked.get(3), 1, 2);
      t.candor().moderation().answer(t.moderator(), asked.get(4), Optional.of("Done."));
      t.candor().moderation().hide(t.moderator(), asked.get(0), Optional.of("off topic"));
      t.candor().sessions().close(t.moderator(), FIRST);
      SessionId next = onlyLive(t).id();

      Reply reply = t.command(t.moderator(), "carry " + FIRST);

      assertThat(PlainText.render(reply)).contains("Carried 3 unanswered questions");
      List<Question> carried = t.questions(next);
      // q3 leads with its votes; q1 and q2 came in one shuffled batch, so their order is open
      assertThat(carried)
          .extracting(Question::text)
          .containsExactlyInAnyOrder(
              t.question(asked.get(3)).text(),
              t.question(asked.get(1)).text(),
              t.question(asked.get(2)).text());
      assertThat(t.board(next).entries().get(0).text()).isEqualTo(t.question(asked.get(3)).text());
      assertThat(carried)
          .allSatisfy(
              q -> {
                assertThat(q.author()).isNull();
                assertThat(q.status()).isEqualTo(QuestionStatus.PUBLISHED);
                assertThat(q.id()).isNotIn(asked);
              });
      assertThat(t.board(next).entries()).extracting(BoardEntry::votes).containsOnly(0);
      Map<QuestionId, SessionId> origin = t.tx(tx -> tx.sessions().series().carried(next));
      assertThat(origin).hasSize(3).containsValue(FIRST).doesNotContainValue(next);
    }
  }

  @Test
  void givenCarryTwice_thenNothingMoreIsCopied() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);
      t.askEach(FIRST, 1, 3);
      t.candor().sessions().close(t.organizer(), FIRST);
      SessionId next = onlyLive(t).id();
      t.command(t.organizer(), "carry s1");

      Reply again = t.command(t.organizer(), "carry s1");

      assertThat(again).isInstanceOf(Reply.Text.class);
      assertThat(PlainText.render(again)).startsWith("Nothing carried");
      assertThat(t.questions(next)).hasSize(3);
    }
  }

  @Test
  void givenBoardSizeSmallerThanTheQuestions_thenOnlyTheTopAreCarried() {
    try (TestCandor t =
        TestCandor.create()
            .withSettings(
                s ->
                    new dev.candor.core.CandorSettings(
                        s.organizers(),
                        s.sessionDefaults(),
                        s.defaultZone(),
                        s.defaultDuration(),
                        s.intakeClosingLead(),
                        s.boardRefreshInterval(),
                        s.releaseTick(),
                        s.archiveAfter(),
                        2))
            .build()) {
      t.command(t.organizer(), OPEN_FLOOR);
      List<QuestionId> asked = t.askEach(FIRST, 1, 4);
      t.voteEach(asked.get(2), 1, 3);
      t.candor().sessions().close(t.organizer(), FIRST);

      t.command(t.organizer(), "carry s1");

      assertThat(t.questions(onlyLive(t).id()))
          .extracting(Question::text)
          .hasSize(2)
          .contains(t.question(asked.get(2)).text());
    }
  }

  @Test
  void givenNoNextOccurrenceYet_thenCarryIsRefusedPlainly() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);
      t.askEach(FIRST, 1, 3);

      Reply refused = t.command(t.organizer(), "carry s1");

      assertThat(refused).isInstanceOf(Reply.Error.class);
      assertThat(PlainText.render(refused)).contains("There is no next occurrence after s1 yet");
    }
  }

  @Test
  void givenOneOffSession_thenCarryIsRefusedPlainly() {
    try (TestCandor t = TestCandor.withDefaults()) {
      SessionId oneOff = t.scheduleSession().id();

      Reply refused = t.command(t.moderator(), "carry " + oneOff);

      assertThat(refused).isInstanceOf(Reply.Error.class);
      assertThat(PlainText.render(refused)).contains("is a one-off session");
    }
  }

  @Test
  void givenParticipant_thenCarryIsRefusedAndNothingIsCopied() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.command(t.organizer(), OPEN_FLOOR);
      t.askEach(FIRST, 1, 3);
      t.candor().sessions().close(t.organizer(), FIRST);

      Reply refused = t.command(TestCandor.participant(1), "carry s1");

      assertThat(PlainText.render(refused)).contains("Only moderators of s1 can");
      assertThat(t.questions(onlyLive(t).id())).isEmpty();
    }
  }
}
