package dev.candor.core.store;

import static dev.candor.core.store.StorageFixture.pseudonym;
import static dev.candor.core.store.TestQuestions.pendingQuestion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.question.Question;
import dev.candor.core.session.SessionId;
import java.util.Map;
import org.junit.jupiter.api.Test;

interface VoteRepoContract extends StorageFixture {

  @Test
  default void givenVote_whenAddedTwice_thenSecondIsFalseAndCountedOnce() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s));

    assertThat(votes().add(s, q.id(), pseudonym("v1"))).isTrue();
    assertThat(votes().add(s, q.id(), pseudonym("v1"))).isFalse();

    assertThat(votes().tally(q.id())).isEqualTo(1);
  }

  @Test
  default void givenDuplicateVote_whenAddedInOneTransaction_thenTheTransactionGoesOn() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s));

    // On PostgreSQL a unique violation would poison the transaction; the next call must work.
    int total =
        tx(
            t -> {
              t.votes().add(s, q.id(), pseudonym("v1"));
              t.votes().add(s, q.id(), pseudonym("v1"));
              t.votes().add(s, q.id(), pseudonym("v2"));
              return t.votes().total(s);
            });

    assertThat(total).isEqualTo(2);
  }

  @Test
  default void givenVote_whenRemoved_thenTrueOnceAndGone() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s));
    votes().add(s, q.id(), pseudonym("v1"));

    assertThat(votes().remove(q.id(), pseudonym("v1"))).isTrue();
    assertThat(votes().remove(q.id(), pseudonym("v1"))).isFalse();

    assertThat(votes().tally(q.id())).isZero();
  }

  @Test
  default void givenVotesInTwoSessions_thenTalliesAndFiguresStayWithinTheSession() {
    SessionId s = savedSession().id();
    SessionId other = savedSession().id();
    Question a = saved(pendingQuestion(s));
    Question b = saved(pendingQuestion(s));
    Question none = saved(pendingQuestion(s));
    Question x = saved(pendingQuestion(other));
    storage()
        .run(
            t -> {
              t.votes().add(s, a.id(), pseudonym("v1"));
              t.votes().add(s, a.id(), pseudonym("v2"));
              t.votes().add(s, b.id(), pseudonym("v1"));
              t.votes().add(other, x.id(), pseudonym("v3"));
            });

    assertThat(votes().tallies(s)).isEqualTo(Map.of(a.id(), 2, b.id(), 1));
    assertThat(votes().tallies(s)).doesNotContainKey(none.id());
    assertThat(votes().distinctVoters(s)).isEqualTo(2);
    assertThat(votes().total(s)).isEqualTo(3);
    assertThat(votes().votedBy(s, pseudonym("v1"))).containsExactlyInAnyOrder(a.id(), b.id());
    assertThat(votes().votedBy(s, pseudonym("v3"))).isEmpty();
  }

  @Test
  default void givenVotersOnBoth_whenMerged_thenSurvivorHasTheUnionOncePerPerson() {
    SessionId s = savedSession().id();
    Question from = saved(pendingQuestion(s));
    Question to = saved(pendingQuestion(s));
    storage()
        .run(
            t -> {
              t.votes().add(s, from.id(), pseudonym("both"));
              t.votes().add(s, from.id(), pseudonym("onlyFrom"));
              t.votes().add(s, to.id(), pseudonym("both"));
              t.votes().add(s, to.id(), pseudonym("onlyTo"));
            });

    votes().mergeInto(from.id(), to.id());

    assertThat(votes().tally(to.id())).isEqualTo(3);
    assertThat(votes().tally(from.id())).isZero();
    assertThat(votes().votedBy(s, pseudonym("onlyFrom"))).containsExactly(to.id());
    assertThat(votes().total(s)).isEqualTo(3);
  }

  @Test
  default void givenQuestionMergedIntoItself_thenItsVotesStay() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s));
    votes().add(s, q.id(), pseudonym("v1"));

    votes().mergeInto(q.id(), q.id());

    assertThat(votes().tally(q.id())).isEqualTo(1);
  }

  @Test
  default void givenVotes_whenQuestionOrSessionVotesDeleted_thenOnlyThoseGo() {
    SessionId s = savedSession().id();
    SessionId other = savedSession().id();
    Question a = saved(pendingQuestion(s));
    Question b = saved(pendingQuestion(s));
    Question x = saved(pendingQuestion(other));
    storage()
        .run(
            t -> {
              t.votes().add(s, a.id(), pseudonym("v1"));
              t.votes().add(s, b.id(), pseudonym("v1"));
              t.votes().add(other, x.id(), pseudonym("v1"));
            });

    votes().deleteQuestion(a.id());
    assertThat(votes().total(s)).isEqualTo(1);

    votes().deleteSession(s);
    assertThat(votes().total(s)).isZero();
    assertThat(votes().total(other)).isEqualTo(1);
  }

  @Test
  default void givenVotedQuestion_whenQuestionDeleted_thenItsVotesGoWithIt() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s));
    votes().add(s, q.id(), pseudonym("v1"));

    questions().delete(q.id());

    assertThat(votes().total(s)).isZero();
  }
}
