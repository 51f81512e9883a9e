package dev.candor.core.question;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How much one person may ask: at most n questions per session, and not faster than a cooldown. */
class AskLimitsTest {

  @Test
  void givenDefaultLimit_whenOnePersonAsksAnEleventhQuestion_thenItIsRefusedAndNothingIsStored() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      Actor asker = participant(1);
      for (int i = 1; i <= 10; i++) {
        t.candor().questions().ask(asker, s.id(), "Question number " + i);
      }
      long questions = t.count("questions");
      long outbox = t.count("outbox");

      assertThatThrownBy(() -> t.candor().questions().ask(asker, s.id(), "Question number 11"))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CandorException.Kind.LIMIT_REACHED);
                assertThat(e.getMessage()).contains("10 questions").doesNotContain("\n");
              });
      assertThat(t.count("questions")).isEqualTo(questions).isEqualTo(10);
      assertThat(t.count("outbox")).isEqualTo(outbox);
    }
  }

  @Test
  void givenLimitReachedByOnePerson_thenOthersMayStillAsk() {
    try (TestCandor t = TestCandor.create().withMaxQuestions(1).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "First and only");

      assertThatThrownBy(() -> t.candor().questions().ask(participant(1), s.id(), "One more"))
          .isInstanceOf(CandorException.class);
      t.candor().questions().ask(participant(2), s.id(), "Someone else asks");

      assertThat(t.count("questions")).isEqualTo(2);
    }
  }

  @Test
  void givenConfiguredLimitOfTwo_whenOnePersonAsksAThirdQuestion_thenItIsRefused() {
    try (TestCandor t = TestCandor.create().withMaxQuestions(2).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "First question");
      t.candor().questions().ask(participant(1), s.id(), "Second question");

      assertThatThrownBy(() -> t.candor().questions().ask(participant(1), s.id(), "Third question"))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CandorException.Kind.LIMIT_REACHED);
                assertThat(e.getMessage()).contains("2 questions");
              });
      assertThat(t.count("questions")).isEqualTo(2);
    }
  }

  @Test
  void givenWithdrawnQuestion_thenItNoLongerCountsAgainstTheLimit() {
    try (TestCandor t = TestCandor.create().withMaxQuestions(1).build()) {
      ListeningSession s = t.scheduleSession();
      QuestionId first = t.candor().questions().ask(participant(1), s.id(), "Asked in haste").id();
      t.candor().questions().withdraw(participant(1), first);

      t.candor().questions().ask(participant(1), s.id(), "Asked with care");

      assertThat(t.count("questions")).isEqualTo(1);
    }
  }

  @Test
  void givenTenSecondCooldown_whenAskingAgainAtOnce_thenRefusedWithOneLineAndNothingStored() {
    try (TestCandor t = TestCandor.create().withCooldown(Duration.ofSeconds(10)).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "First question");
      long questions = t.count("questions");
      long outbox = t.count("outbox");

      assertThatThrownBy(
              () -> t.candor().questions().ask(participant(1), s.id(), "Second question"))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CandorException.Kind.LIMIT_REACHED);
                assertThat(e.getMessage())
                    .isEqualTo("Please wait 10 s before asking again (one question per 10 s).");
              });
      assertThat(t.count("questions")).isEqualTo(questions).isEqualTo(1);
      assertThat(t.count("outbox")).isEqualTo(outbox);
    }
  }

  @Test
  void givenTenSecondCooldown_whenNineSecondsPassed_thenStillRefused() {
    try (TestCandor t = TestCandor.create().withCooldown(Duration.ofSeconds(10)).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "First question");
      t.clock().advance(Duration.ofSeconds(9));

      assertThatThrownBy(
              () -> t.candor().questions().ask(participant(1), s.id(), "Second question"))
          .isInstanceOf(CandorException.class)
          .hasMessageStartingWith("Please wait 1 s");
    }
  }

  @Test
  void givenTenSecondCooldown_whenTheClockAdvancesTenSeconds_thenTheSecondQuestionIsTaken() {
    try (TestCandor t = TestCandor.create().withCooldown(Duration.ofSeconds(10)).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "First question");
      t.clock().advance(Duration.ofSeconds(10));

      t.candor().questions().ask(participant(1), s.id(), "Second question");

      assertThat(t.count("questions")).isEqualTo(2);
    }
  }

  @Test
  void givenCooldown_thenItAppliesPerPersonNotToEveryone() {
    try (TestCandor t = TestCandor.create().withCooldown(Duration.ofSeconds(10)).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "First question");

      t.candor().questions().ask(participant(2), s.id(), "Another person, same second");

      assertThat(t.count("questions")).isEqualTo(2);
    }
  }

  @Test
  void givenCooldown_thenItAppliesPerSession() {
    try (TestCandor t = TestCandor.create().withCooldown(Duration.ofSeconds(10)).build()) {
      ListeningSession a = t.scheduleSession();
      ListeningSession b = t.scheduleSession();
      t.candor().questions().ask(participant(1), a.id(), "In session A");

      t.candor().questions().ask(participant(1), b.id(), "In session B, same second");

      assertThat(t.count("questions")).isEqualTo(2);
    }
  }

  @Test
  void givenInvalidText_thenNothingIsStoredAndNoCooldownStarts() {
    try (TestCandor t = TestCandor.create().withCooldown(Duration.ofSeconds(10)).build()) {
      ListeningSession s = t.scheduleSession();

      assertThatThrownBy(() -> t.candor().questions().ask(participant(1), s.id(), " a "))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT));
      assertThat(t.count("questions")).isZero();

      t.candor().questions().ask(participant(1), s.id(), "A proper question");
      assertThat(t.count("questions")).isEqualTo(1);
    }
  }
}
