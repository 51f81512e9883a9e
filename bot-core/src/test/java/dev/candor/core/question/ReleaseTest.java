package dev.candor.core.question;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.MutableClock;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No small crowds and no timing tells: release after k askers, in shuffled batches. */
class ReleaseTest {

  @Test
  void givenFourAskersAndKFive_thenNothingIsReleased() {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      List<AskResult> results =
          List.of(
              t.candor().questions().ask(participant(1), s.id(), "First person asks"),
              t.candor().questions().ask(participant(2), s.id(), "Second person asks"),
              t.candor().questions().ask(participant(3), s.id(), "Third person asks"),
              t.candor().questions().ask(participant(4), s.id(), "Fourth person asks"),
              t.candor().questions().ask(participant(4), s.id(), "Fourth person again"));

      assertThat(results).noneMatch(AskResult::released);
      assertThat(results.get(4).note()).contains("at least 5 people");
      assertThat(t.board(s.id()).entries()).isEmpty();
      assertThat(results)
          .allSatisfy(
              r -> {
                Question q = t.question(r.id());
                assertThat(q.status()).isEqualTo(QuestionStatus.PENDING);
                assertThat(q.releasedAt()).isNull();
                assertThat(q.releaseSeq()).isZero();
              });
    }
  }

  @Test
  void givenOnePersonAskingTenQuestions_thenDistinctPeopleCountNotQuestions() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      ListeningSession s = t.scheduleSession();
      for (int i = 1; i <= 10; i++) {
        t.candor().questions().ask(participant(1), s.id(), "The same person, question " + i);
      }

      assertThat(t.board(s.id()).entries()).isEmpty();
    }
  }

  @Test
  void givenFifthAskerAndKFive_thenEveryWaitingQuestionIsReleasedTogether() {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> waiting = t.askEach(s.id(), 1, 4);

      AskResult fifth = t.candor().questions().ask(participant(5), s.id(), "Fifth person asks");

      assertThat(fifth.released()).isTrue();
      assertThat(t.board(s.id()).entries())
          .extracting(BoardEntry::id)
          .containsExactlyInAnyOrderElementsOf(concat(waiting, fifth.id()));
      assertThat(concat(waiting, fifth.id()))
          .extracting(id -> t.question(id).releasedAt())
          .containsOnly(MutableClock.DEFAULT_START);
    }
  }

  @Test
  void
      givenTwoMinuteInterval_thenQuestionsAskedWithinAWindowAreReleasedTogetherAtTheNextBoundary() {
    try (TestCandor t =
        TestCandor.create().withK(3).withReleaseInterval(Duration.ofMinutes(2)).build()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(Instant.parse("2026-03-02T09:00:30Z"));
      List<QuestionId> first = t.askEach(s.id(), 1, 3);
      assertThat(first).allSatisfy(id -> assertThat(t.question(id).isReleased()).isTrue());

      t.clock().set(Instant.parse("2026-03-02T09:00:40Z"));
      AskResult a = t.candor().questions().ask(participant(4), s.id(), "Asked at 09:00:40");
      t.clock().set(Instant.parse("2026-03-02T09:01:10Z"));
      AskResult b = t.candor().questions().ask(participant(5), s.id(), "Asked at 09:01:10");
      t.clock().set(Instant.parse("2026-03-02T09:01:59Z"));
      AskResult c = t.candor().questions().ask(participant(6), s.id(), "Asked at 09:01:59");
      assertThat(t.candor().jobs().releaseAllDue()).isZero();

      assertThat(List.of(a, b, c)).noneMatch(AskResult::released);
      assertThat(a.note()).contains("next batch").contains("every 2 minutes");
      assertThat(t.board(s.id()).entries()).hasSize(3);

      // The tick comes a little after the boundary; the stamp is still the boundary minute.
      t.clock().set(Instant.parse("2026-03-02T09:02:03.700Z"));
      assertThat(t.candor().jobs().releaseAllDue()).isEqualTo(3);

      List<QuestionId> batch = List.of(a.id(), b.id(), c.id());
      assertThat(batch)
          .extracting(id -> t.question(id).releasedAt())
          .containsOnly(Instant.parse("2026-03-02T09:02:00Z"));
      assertThat(batch)
          .extracting(id -> t.question(id).releaseSeq())
          .containsExactlyInAnyOrder(4L, 5L, 6L);
      assertThat(t.board(s.id()).entries()).hasSize(6);
    }
  }

  @Test
  void givenQuestionAskedJustAfterABatch_thenItWaitsForTheFollowingBoundary() {
    try (TestCandor t =
        TestCandor.create().withK(3).withReleaseInterval(Duration.ofMinutes(2)).build()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);
      t.clock().set(Instant.parse("2026-03-02T09:02:00Z"));
      t.candor().jobs().releaseAllDue();

      t.clock().set(Instant.parse("2026-03-02T09:02:20Z"));
      AskResult late = t.candor().questions().ask(participant(4), s.id(), "Asked at 09:02:20");
      t.clock().set(Instant.parse("2026-03-02T09:03:59Z"));
      t.candor().jobs().releaseAllDue();
      assertThat(late.released()).isFalse();
      assertThat(t.question(late.id()).isReleased()).isFalse();

      t.clock().set(Instant.parse("2026-03-02T09:04:00Z"));
      t.candor().jobs().releaseAllDue();
      assertThat(t.question(late.id()).releasedAt()).isEqualTo("2026-03-02T09:04:00Z");
    }
  }

  @Test
  void givenBoundaryPassedWithNothingWaiting_thenALaterQuestionStillWaitsForTheNextBoundary() {
    try (TestCandor t =
        TestCandor.create().withK(3).withReleaseInterval(Duration.ofMinutes(2)).build()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);
      t.clock().set(Instant.parse("2026-03-02T09:02:00Z"));
      t.candor().jobs().releaseAllDue(); // a quiet boundary: nothing waiting

      t.clock().set(Instant.parse("2026-03-02T09:02:30Z"));
      AskResult alone = t.candor().questions().ask(participant(4), s.id(), "Alone after quiet");

      assertThat(alone.released()).isFalse();
    }
  }

  @Test
  void givenThirtyQuestionsInOneBatch_thenReleaseOrderIsAShuffledPermutationStampedToTheMinute() {
    // k = 30: the 30th asker releases all 30 at once, as one batch. The chance that a fair shuffle
    // yields the asking order (or the id order storage returns) is 1/30! each, about 4e-33.
    try (TestCandor t = TestCandor.create().withK(30).build()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(Instant.parse("2026-03-02T09:00:37.250Z"));

      List<QuestionId> asked = t.askEach(s.id(), 1, 30);

      List<Question> released =
          asked.stream()
              .map(t::question)
              .sorted(Comparator.comparingLong(Question::releaseSeq))
              .toList();
      List<QuestionId> releaseOrder = released.stream().map(Question::id).toList();
      List<QuestionId> idOrder =
          asked.stream().sorted(Comparator.comparing(QuestionId::code)).toList();

      assertThat(released).allMatch(Question::isReleased);
      assertThat(released)
          .extracting(Question::releasedAt)
          .containsOnly(Instant.parse("2026-03-02T09:00:00Z"));
      assertThat(released)
          .extracting(Question::releaseSeq)
          .containsExactly(LongStream.rangeClosed(1, 30).boxed().toArray(Long[]::new));
      assertThat(releaseOrder).containsExactlyInAnyOrderElementsOf(asked);
      assertThat(releaseOrder).isNotEqualTo(asked);
      assertThat(releaseOrder).isNotEqualTo(idOrder);
    }
  }

  @Test
  void givenPendingQuestion_thenOnlyItsAskerSeesIt() {
    try (TestCandor t = TestCandor.create().withK(3).build()) {
      ListeningSession s = t.scheduleSession();
      QuestionId mine = t.candor().questions().ask(participant(1), s.id(), "Mine alone").id();

      QuestionsView asker = t.candor().questions().list(participant(1), s.id());
      QuestionsView other = t.candor().questions().list(participant(2), s.id());
      QuestionsView moderator = t.candor().questions().list(t.moderator(), s.id());

      assertThat(asker.yourPending()).extracting(Question::id).containsExactly(mine);
      assertThat(other.yourPending()).isEmpty();
      assertThat(moderator.yourPending()).isEmpty();
      assertThat(moderator.moderationQueue()).isEmpty();
      assertThat(other.board().entries()).isEmpty();
      assertThat(other.waiting()).contains("at least 3 people");
    }
  }

  private static List<QuestionId> concat(List<QuestionId> list, QuestionId last) {
    return Stream.concat(list.stream(), Stream.of(last)).toList();
  }
}
