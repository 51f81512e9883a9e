package dev.candor.core.question;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.summary.SummaryView;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What moderators do to questions: hide, answer, merge, approve. */
class ModerationTest {

  @Test
  void givenHideWithReason_thenTheQuestionLeavesTheBoardAndTheReasonShowsInTheSummary() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);

      Question hidden =
          t.candor()
              .moderation()
              .hide(t.moderator(), ids.get(0), Optional.of("  Names a colleague  "));

      assertThat(hidden.status()).isEqualTo(QuestionStatus.HIDDEN);
      assertThat(t.question(ids.get(0)).hiddenReason()).isEqualTo("Names a colleague");
      assertThat(t.board(s.id()).entries()).extracting(BoardEntry::id).doesNotContain(ids.get(0));
      SummaryView summary = t.candor().summaries().summary(t.moderator(), s.id());
      assertThat(summary.hiddenReasons()).containsExactly("Names a colleague");
      assertThat(summary.top()).extracting(BoardEntry::id).doesNotContain(ids.get(0));
    }
  }

  @Test
  void givenHideWithoutReason_thenTheSummarySaysNoReasonGiven() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);

      t.candor().moderation().hide(t.moderator(), ids.get(1), Optional.empty());

      assertThat(t.candor().summaries().summary(t.moderator(), s.id()).hiddenReasons())
          .containsExactly("no reason given");
    }
  }

  @Test
  void givenHiddenQuestion_thenNobodyCanVoteForIt() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.candor().moderation().hide(t.moderator(), ids.get(0), Optional.of("off topic"));

      assertThatThrownBy(() -> t.candor().votes().vote(participant(4), ids.get(0)))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
    }
  }

  @Test
  void givenAnswerWithText_thenAnsweredWithTheTextAndOneAnsweredNoticeIsSentEvenIfAnsweredTwice() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);

      Question answered =
          t.candor().moderation().answer(t.moderator(), ids.get(2), Optional.of("We stay put."));
      t.candor()
          .moderation()
          .answer(t.moderator(), ids.get(2), Optional.of("We stay put, really."));

      assertThat(answered.status()).isEqualTo(QuestionStatus.ANSWERED);
      assertThat(t.question(ids.get(2)).answer()).isEqualTo("We stay put, really.");
      assertThat(t.outbox()).filteredOn(i -> i.kind() == NoticeKind.ANSWERED).hasSize(1);
      t.deliverDue();
      List<Notice.Answered> sent = t.messenger().delivered(Notice.Answered.class);
      assertThat(sent).hasSize(1);
      assertThat(sent.get(0).question().id()).isEqualTo(ids.get(2));
      assertThat(sent.get(0).question().status()).isEqualTo(QuestionStatus.ANSWERED);
      assertThat(t.board(s.id()).entries())
          .filteredOn(e -> e.id().equals(ids.get(2)))
          .singleElement()
          .satisfies(e -> assertThat(e.answer()).isEqualTo("We stay put, really."));
    }
  }

  @Test
  void givenPendingQuestion_thenItCannotBeAnswered() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId pending = t.candor().questions().ask(participant(1), s.id(), "Still waiting").id();

      assertThatThrownBy(
              () -> t.candor().moderation().answer(t.moderator(), pending, Optional.of("Yes")))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
      assertThat(t.count("outbox")).isZero();
    }
  }

  @Test
  void givenVotersOneTwoOnAAndTwoThreeOnB_whenBIsMergedIntoA_thenAHasThreeVotesAndBIsMerged() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 11, 13);
      QuestionId a = ids.get(0);
      QuestionId b = ids.get(1);
      t.voteEach(a, 1, 2);
      t.voteEach(b, 2, 3);

      t.candor().moderation().merge(t.moderator(), b, a);

      assertThat(t.question(b).status()).isEqualTo(QuestionStatus.MERGED);
      assertThat(t.question(b).mergedInto()).isEqualTo(a);
      assertThat(t.board(s.id()).entries())
          .filteredOn(e -> e.id().equals(a))
          .singleElement()
          .extracting(BoardEntry::votes)
          .isEqualTo(3);
      assertThat(t.board(s.id()).entries()).extracting(BoardEntry::id).doesNotContain(b);
      assertThat(t.countWhere("SELECT COUNT(*) FROM votes WHERE question_id = ?", b.code()))
          .isZero();
      assertThat(t.candor().summaries().summary(t.moderator(), s.id()).merged()).isEqualTo(1);
    }
  }

  @Test
  void givenMergedQuestion_thenVotingForItPointsToTheSurvivor() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.candor().moderation().merge(t.moderator(), ids.get(1), ids.get(0));

      assertThatThrownBy(() -> t.candor().votes().vote(participant(9), ids.get(1)))
          .isInstanceOf(CandorException.class)
          .hasMessageContaining(ids.get(0).toString());
    }
  }

  @Test
  void givenQuestionMergedIntoItself_thenRefusedAndItStaysOnTheBoardWithItsVotes() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);
      t.voteEach(q, 4, 5);

      assertThatThrownBy(() -> t.candor().moderation().merge(t.moderator(), q, q))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT));
      assertThat(t.question(q).status()).isEqualTo(QuestionStatus.PUBLISHED);
      assertThat(t.board(s.id()).entries()).extracting(BoardEntry::id).contains(q);
    }
  }

  @Test
  void givenQuestionsOfDifferentSessions_thenTheyCannotBeMerged() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s1 = t.scheduleSession();
      ListeningSession s2 = t.scheduleSession();
      QuestionId a = t.askEach(s1.id(), 1, 3).get(0);
      QuestionId b = t.askEach(s2.id(), 1, 3).get(0);

      assertThatThrownBy(() -> t.candor().moderation().merge(t.organizer(), b, a))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT));
    }
  }

  @Test
  void givenPremoderation_thenQuestionsStayPendingUntilApprovedThenAreReleased() {
    try (TestCandor t = TestCandor.create().withPremoderation().build()) {
      ListeningSession s = t.scheduleSession();
      List<AskResult> asked =
          List.of(
              t.candor().questions().ask(participant(1), s.id(), "Premoderated one"),
              t.candor().questions().ask(participant(2), s.id(), "Premoderated two"),
              t.candor().questions().ask(participant(3), s.id(), "Premoderated three"));

      assertThat(asked).noneMatch(AskResult::released);
      assertThat(asked.get(0).note()).contains("moderator reviews");
      assertThat(t.board(s.id()).entries()).isEmpty();
      assertThat(t.candor().questions().list(t.moderator(), s.id()).moderationQueue())
          .extracting(Question::id)
          .containsExactlyInAnyOrderElementsOf(asked.stream().map(AskResult::id).toList());
      assertThat(t.candor().questions().list(participant(4), s.id()).moderationQueue()).isEmpty();

      Question approved = t.candor().moderation().approve(t.moderator(), asked.get(1).id());

      assertThat(approved.status()).isEqualTo(QuestionStatus.PUBLISHED);
      assertThat(t.board(s.id()).entries())
          .extracting(BoardEntry::id)
          .containsExactly(asked.get(1).id());
      assertThat(t.question(asked.get(0).id()).status()).isEqualTo(QuestionStatus.PENDING);
      assertThat(t.candor().questions().list(t.moderator(), s.id()).moderationQueue())
          .extracting(Question::id)
          .doesNotContain(asked.get(1).id());
    }
  }

  @Test
  void givenPremoderationAndFewerThanKAskers_thenApprovalWaitsForK() {
    try (TestCandor t = TestCandor.create().withPremoderation().build()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.candor().questions().ask(participant(1), s.id(), "Only one asker").id();

      t.candor().moderation().approve(t.moderator(), q);
      assertThat(t.question(q).status()).isEqualTo(QuestionStatus.PENDING);

      t.askEach(s.id(), 2, 3);
      assertThat(t.question(q).status()).isEqualTo(QuestionStatus.PUBLISHED);
    }
  }

  @Test
  void givenApprovedQuestion_thenApprovingAgainIsRefused() {
    try (TestCandor t = TestCandor.create().withPremoderation().build()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);
      t.candor().moderation().approve(t.moderator(), q);

      assertThatThrownBy(() -> t.candor().moderation().approve(t.moderator(), q))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
    }
  }

  @Test
  void givenTooLongAnswer_thenRefusedAndNothingChanges() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);

      assertThatThrownBy(
              () ->
                  t.candor()
                      .moderation()
                      .answer(t.moderator(), q, Optional.of("x".repeat(Moderation.MAX_ANSWER + 1))))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT));
      assertThat(t.question(q).status()).isEqualTo(QuestionStatus.PUBLISHED);
    }
  }
}
