package dev.candor.core.vote;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One vote per person per question, un-voting, what may be voted on, and the ranking. */
class VotesTest {

  @Test
  void givenFirstVote_thenTheTallyIsOne() {
    try (TestCandor t = TestCandor.withDefaults()) {
      QuestionId q = releasedQuestion(t);

      Votes.Tally tally = t.candor().votes().vote(participant(7), q);

      assertThat(tally.question()).isEqualTo(q);
      assertThat(tally.votes()).isEqualTo(1);
    }
  }

  @Test
  void givenSecondVoteBySamePerson_thenRefusedAsWrongStateAndTheTallyStaysOne() {
    try (TestCandor t = TestCandor.withDefaults()) {
      QuestionId q = releasedQuestion(t);
      t.candor().votes().vote(participant(7), q);

      assertThatThrownBy(() -> t.candor().votes().vote(participant(7), q))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE);
                assertThat(e.getMessage()).isEqualTo("You have already voted for " + q + ".");
              });
      assertThat(tallyOnBoard(t, q)).isEqualTo(1);
      assertThat(t.count("votes")).isEqualTo(1);
    }
  }

  @Test
  void givenSamePersonOnAnotherPlatformOrTenant_thenTheyAreSomeoneElse() {
    try (TestCandor t = TestCandor.withDefaults()) {
      QuestionId q = releasedQuestion(t);
      t.candor().votes().vote(new Actor(Platform.SLACK, "T-ONE", "U1"), q);

      Votes.Tally second = t.candor().votes().vote(new Actor(Platform.SLACK, "T-OTHER", "U1"), q);

      assertThat(second.votes()).isEqualTo(2);
    }
  }

  @Test
  void givenUnvote_thenTheTallyDropsAndASecondUnvoteIsRefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      QuestionId q = releasedQuestion(t);
      t.voteEach(q, 7, 8);

      Votes.Tally after = t.candor().votes().unvote(participant(7), q);

      assertThat(after.votes()).isEqualTo(1);
      assertThat(tallyOnBoard(t, q)).isEqualTo(1);
      assertThatThrownBy(() -> t.candor().votes().unvote(participant(7), q))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
    }
  }

  @Test
  void givenUnvoteThenVoteAgain_thenTheVoteCountsOnceMore() {
    try (TestCandor t = TestCandor.withDefaults()) {
      QuestionId q = releasedQuestion(t);
      t.candor().votes().vote(participant(7), q);
      t.candor().votes().unvote(participant(7), q);

      assertThat(t.candor().votes().vote(participant(7), q).votes()).isEqualTo(1);
    }
  }

  @Test
  void givenOwnQuestion_thenTheAskerMayVoteForItOnce() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId mine = t.askEach(s.id(), 1, 3).get(0); // participant 1 asked it

      assertThat(t.candor().votes().vote(participant(1), mine).votes()).isEqualTo(1);
      assertThatThrownBy(() -> t.candor().votes().vote(participant(1), mine))
          .isInstanceOf(CandorException.class);
      assertThat(tallyOnBoard(t, mine)).isEqualTo(1);
    }
  }

  @Test
  void givenPendingQuestion_thenVotingLooksExactlyLikeVotingForAnIdThatDoesNotExist() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId pending = t.candor().questions().ask(participant(1), s.id(), "Not yet out").id();
      QuestionId unknown = unusedId(t);

      CandorException onPending = refusal(() -> t.candor().votes().vote(participant(2), pending));
      CandorException onUnknown = refusal(() -> t.candor().votes().vote(participant(2), unknown));
      CandorException unvotePending =
          refusal(() -> t.candor().votes().unvote(participant(2), pending));
      CandorException unvoteUnknown =
          refusal(() -> t.candor().votes().unvote(participant(2), unknown));

      assertThat(onPending.kind())
          .isEqualTo(onUnknown.kind())
          .isEqualTo(CandorException.Kind.NOT_FOUND);
      assertThat(masked(onPending, pending)).isEqualTo(masked(onUnknown, unknown));
      assertThat(unvotePending.kind()).isEqualTo(unvoteUnknown.kind());
      assertThat(masked(unvotePending, pending)).isEqualTo(masked(unvoteUnknown, unknown));
      // even its own asker cannot tell it apart through voting
      assertThat(masked(refusal(() -> t.candor().votes().vote(participant(1), pending)), pending))
          .isEqualTo(masked(onUnknown, unknown));
      assertThat(t.count("votes")).isZero();
    }
  }

  @Test
  void givenClosedSession_thenVotingAndUnvotingAreRefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      QuestionId q = t.askEach(s.id(), 1, 3).get(0);
      t.candor().votes().vote(participant(5), q);
      t.candor().sessions().close(t.moderator(), s.id());

      CandorException vote = refusal(() -> t.candor().votes().vote(participant(6), q));
      CandorException unvote = refusal(() -> t.candor().votes().unvote(participant(5), q));

      assertThat(vote.kind()).isEqualTo(CandorException.Kind.WRONG_STATE);
      assertThat(vote.getMessage()).contains("voting has ended");
      assertThat(unvote.kind()).isEqualTo(CandorException.Kind.WRONG_STATE);
      assertThat(t.count("votes")).isEqualTo(1);
    }
  }

  @Test
  void givenVotesAndReleaseOrder_thenTheBoardRanksByVotesDescendingThenEarlierReleaseFirst() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3); // first batch: shuffled, release positions 1..3
      t.askEach(s.id(), 4, 5); // each released alone at once: positions 4 and 5
      Map<Long, QuestionId> bySeq =
          t.questions(s.id()).stream()
              .collect(Collectors.toMap(Question::releaseSeq, Question::id));
      assertThat(bySeq).containsOnlyKeys(1L, 2L, 3L, 4L, 5L);

      t.voteEach(bySeq.get(5L), 10, 11); // 2 votes, released last
      t.voteEach(bySeq.get(4L), 10, 10); // 1 vote
      t.voteEach(bySeq.get(2L), 11, 11); // 1 vote
      t.voteEach(bySeq.get(1L), 12, 12); // 1 vote
      // position 3: no votes

      List<BoardEntry> board = t.board(s.id()).entries();

      assertThat(board)
          .extracting(BoardEntry::id)
          .containsExactly(
              bySeq.get(5L), bySeq.get(1L), bySeq.get(2L), bySeq.get(4L), bySeq.get(3L));
      assertThat(board).extracting(BoardEntry::votes).containsExactly(2, 1, 1, 1, 0);
      assertThat(board).extracting(BoardEntry::rank).containsExactly(1, 2, 3, 4, 5);
    }
  }

  @Test
  void givenBoardAfterManyVotes_thenItIsSortedByTheRankingRule() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 8);
      for (int i = 0; i < ids.size(); i++) {
        t.voteEach(ids.get(i), 100, 100 + (i * 3) % 5);
      }
      Map<QuestionId, Long> seq =
          t.questions(s.id()).stream()
              .collect(Collectors.toMap(Question::id, Question::releaseSeq));

      List<BoardEntry> board = t.board(s.id()).entries();

      assertThat(board)
          .isSortedAccordingTo(
              Comparator.comparingInt(BoardEntry::votes)
                  .reversed()
                  .thenComparingLong(e -> seq.get(e.id())));
    }
  }

  private static QuestionId releasedQuestion(TestCandor t) {
    ListeningSession s = t.scheduleSession();
    return t.askEach(s.id(), 1, 3).get(0);
  }

  private static int tallyOnBoard(TestCandor t, QuestionId q) {
    ListeningSession s = t.session(t.question(q).session());
    return t.board(s.id()).entries().stream()
        .filter(e -> e.id().equals(q))
        .findFirst()
        .orElseThrow()
        .votes();
  }

  private static QuestionId unusedId(TestCandor t) {
    while (true) {
      QuestionId candidate = QuestionId.random();
      if (t.tx(tx -> tx.questions().find(candidate)).isEmpty()) {
        return candidate;
      }
    }
  }

  private static CandorException refusal(Runnable action) {
    try {
      action.run();
    } catch (CandorException e) {
      return e;
    }
    throw new AssertionError("expected the action to be refused");
  }

  private static String masked(CandorException e, QuestionId id) {
    return e.getMessage().replace(id.toString(), "<id>");
  }
}
