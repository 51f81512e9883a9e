package dev.candor.core.store;

import static dev.candor.core.store.StorageFixture.pseudonym;
import static dev.candor.core.store.TestQuestions.pendingQuestion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.SessionId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

interface QuestionRepoContract extends StorageFixture {

  @Test
  default void givenNewQuestion_whenInserted_thenFoundAsInserted() {
    SessionId s = savedSession().id();
    Question q =
        pendingQuestion(s).withText("Ünïcode — and \"quotes\" 'too' 🙂").unapproved().build();

    assertThat(questions().insert(q)).isTrue();

    assertThat(questions().find(q.id())).contains(q);
  }

  @Test
  default void givenTakenId_whenInsertedAgain_thenFalseAndTheFirstIsKept() {
    SessionId s = savedSession().id();
    Question first = saved(pendingQuestion(s));
    Question clash = pendingQuestion(s).withId(first.id()).withText("another").by("bob").build();

    assertThat(questions().insert(clash)).isFalse();

    assertThat(questions().find(first.id())).contains(first);
  }

  @Test
  default void givenQuestionsInTwoSessions_thenBySessionAndCountsStayWithinTheSession() {
    SessionId s = savedSession().id();
    SessionId other = savedSession().id();
    Question a1 = saved(pendingQuestion(s).by("alice"));
    Question a2 = saved(pendingQuestion(s).by("alice"));
    Question b1 = saved(pendingQuestion(s).by("bob"));
    saved(pendingQuestion(other).by("carol"));
    saved(pendingQuestion(other).by("alice"));

    assertThat(questions().bySession(s)).containsExactlyInAnyOrder(a1, a2, b1);
    assertThat(questions().countByAuthor(s, pseudonym("alice"))).isEqualTo(2);
    assertThat(questions().countByAuthor(s, pseudonym("carol"))).isZero();
    assertThat(questions().distinctAskers(s)).isEqualTo(2);
    assertThat(questions().distinctAskers(new SessionId(999))).isZero();
  }

  @Test
  default void givenQuestion_whenUpdated_thenModerationAndReleaseFieldsAreWritten() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s).unapproved());
    Question survivor = saved(pendingQuestion(s));
    Instant batch = Instant.parse("2030-03-14T19:02:00Z");
    Question changed =
        new Question(
            q.id(),
            s,
            q.text(),
            QuestionStatus.MERGED,
            q.author(),
            true,
            "duplicate",
            "answered live",
            survivor.id(),
            batch,
            7,
            0);

    questions().update(changed);

    assertThat(questions().find(q.id())).contains(changed);
  }

  @Test
  default void givenQuestion_whenDeleted_thenGone() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s));

    questions().delete(q.id());

    assertThat(questions().find(q.id())).isEmpty();
    assertThat(questions().distinctAskers(s)).isZero();
  }

  @Test
  default void givenReleasedQuestions_thenMaxReleaseSeqIsTheSessionsHighest() {
    SessionId s = savedSession().id();
    SessionId other = savedSession().id();
    Instant batch = Instant.parse("2030-03-14T19:02:00Z");
    assertThat(questions().maxReleaseSeq(s)).isZero();

    saved(pendingQuestion(s).released(batch, 3));
    saved(pendingQuestion(s).released(batch, 5));
    saved(pendingQuestion(s));
    saved(pendingQuestion(other).released(batch, 9));

    assertThat(questions().maxReleaseSeq(s)).isEqualTo(5);
  }

  @Test
  default void givenVotes_whenFrozen_thenAuthorsAreForgottenAndTalliesKept() {
    SessionId s = savedSession().id();
    SessionId other = savedSession().id();
    Question popular = saved(pendingQuestion(s).by("alice"));
    Question quiet = saved(pendingQuestion(s).by("bob"));
    Question elsewhere = saved(pendingQuestion(other).by("alice"));
    storage()
        .run(
            t -> {
              for (String voter : new String[] {"v1", "v2", "v3"}) {
                t.votes().add(s, popular.id(), pseudonym(voter));
              }
              t.votes().add(other, elsewhere.id(), pseudonym("v1"));
            });

    questions().freezeTalliesAndForgetAuthors(s);

    Question p = questions().find(popular.id()).orElseThrow();
    Question q = questions().find(quiet.id()).orElseThrow();
    assertThat(p.author()).isNull();
    assertThat(p.archivedVotes()).isEqualTo(3);
    assertThat(q.author()).isNull();
    assertThat(q.archivedVotes()).isZero();
    assertThat(questions().find(elsewhere.id())).contains(elsewhere);
    assertThat(questions().distinctAskers(s)).isZero();
  }

  @Test
  default void givenFrozenTallies_whenFrozenAgainAfterVoteRowsAreGone_thenTalliesSurvive() {
    SessionId s = savedSession().id();
    Question q = saved(pendingQuestion(s));
    votes().add(s, q.id(), pseudonym("v1"));
    questions().freezeTalliesAndForgetAuthors(s);
    votes().deleteSession(s);

    questions().freezeTalliesAndForgetAuthors(s);

    assertThat(questions().find(q.id()).orElseThrow().archivedVotes()).isEqualTo(1);
  }
}
