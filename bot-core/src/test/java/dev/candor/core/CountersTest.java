package dev.candor.core;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.Counters.Outcome;
import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.QuestionId;
import dev.candor.core.schedule.SessionJobs;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.RecordingMessenger.Kind;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core counts what it did, by platform and notice kind, and only what committed. */
class CountersTest {

  @Test
  void givenAsksAndVotesOnTwoPlatforms_thenEachIsCountedUnderItsPlatform() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.candor().questions().ask(Actor.of(Platform.SLACK, "U1"), s.id(), "Asked on Slack?");
      t.voteEach(ids.get(0), 1, 2);
      t.candor().votes().vote(Actor.of(Platform.TEAMS, "29:1"), ids.get(0));

      Counters c = t.candor().counters();
      assertThat(c.questionsAsked(Platform.CONSOLE)).isEqualTo(3);
      assertThat(c.questionsAsked(Platform.SLACK)).isEqualTo(1);
      assertThat(c.questionsAsked(Platform.TEAMS)).isZero();
      assertThat(c.votesCast(Platform.CONSOLE)).isEqualTo(2);
      assertThat(c.votesCast(Platform.TEAMS)).isEqualTo(1);
    }
  }

  @Test
  void givenARefusedVoteAndARefusedAsk_thenNeitherIsCounted() {
    try (TestCandor t = TestCandor.create().withMaxQuestions(1).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.voteEach(ids.get(0), 1, 1);

      assertThatThrownBy(() -> t.candor().votes().vote(participant(1), ids.get(0)))
          .isInstanceOf(CandorException.class);
      assertThatThrownBy(() -> t.candor().questions().ask(participant(1), s.id(), "Again?"))
          .isInstanceOf(CandorException.class);

      assertThat(t.candor().counters().votesCast(Platform.CONSOLE)).isEqualTo(1);
      assertThat(t.candor().counters().questionsAsked(Platform.CONSOLE)).isEqualTo(3);
    }
  }

  @Test
  void givenARetryThenSuccessAndAPermanentFailure_thenEachOutcomeIsCountedByKind() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
      t.messenger().failNext(DeliveryException.temporary("503 unavailable", null));
      t.deliverDue();
      t.clock().advance(Duration.ofSeconds(2));
      t.deliverDue(); // the reminder goes out on its second attempt
      t.messenger()
          .failMatching(d -> d.kind() == Kind.POST, DeliveryException.permanent("not_in_channel"));
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));
      t.deliverDue(); // fails for good; each moderator is alerted privately

      Counters c = t.candor().counters();
      Platform console = Platform.CONSOLE;
      assertThat(c.deliveries(console, NoticeKind.REMINDER, Outcome.RETRIED)).isEqualTo(1);
      assertThat(c.deliveries(console, NoticeKind.REMINDER, Outcome.SENT)).isEqualTo(1);
      assertThat(c.deliveries(console, NoticeKind.REMINDER, Outcome.FAILED)).isEqualTo(1);
      assertThat(c.deliveries(console, NoticeKind.MODERATOR_ALERT, Outcome.SENT)).isEqualTo(2);
      assertThat(c.deliveries(Platform.SLACK, NoticeKind.REMINDER, Outcome.SENT)).isZero();
    }
  }
}
