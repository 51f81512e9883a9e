package dev.candor.core.session;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.delivery.Target;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.schedule.SessionJobs;
import dev.candor.core.testing.RecordingMessenger.Delivery;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DRAFT → SCHEDULED → OPEN → CLOSED → ARCHIVED, or CANCELLED; each step safe to repeat. */
class LifecycleTest {
  private static final ChannelRef SECOND = new ChannelRef(Platform.CONSOLE, "second");

  @Test
  void givenScheduledSession_thenIntakeIsOpenAtOnceAndNothingIsSentYet() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();

      assertThat(s.state()).isEqualTo(SessionState.SCHEDULED);
      assertThat(s.state().takesQuestions()).isTrue();
      assertThat(s.createdBy()).isEqualTo(t.organizer().ref());
      assertThat(t.keyExists(s.id())).isTrue();
      assertThat(t.count("outbox")).isZero();
      t.candor().questions().ask(participant(1), s.id(), "Before the start");
    }
  }

  @Test
  void givenStartInThePast_thenSchedulingIsRefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      NewSession past =
          new NewSession(
              "Yesterday",
              t.clock().instant().minus(Duration.ofHours(2)),
              t.clock().instant().minus(Duration.ofHours(1)),
              t.clock().getZone(),
              List.of(TestCandor.CHANNEL),
              List.of(),
              t.candor().settings().sessionDefaults());

      assertThatThrownBy(() -> t.scheduleSession(past))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT));
      assertThat(t.count("sessions")).isZero();
      assertThat(t.count("session_keys")).isZero();
    }
  }

  @Test
  void givenOpenTwice_thenOpenOnceWithOneLiveNowReminderPerChannel() {
    try (TestCandor t = TestCandor.create().withChannels(TestCandor.CHANNEL, SECOND).build()) {
      ListeningSession s = t.scheduleSession();

      ListeningSession first = t.candor().sessions().open(t.moderator(), s.id());
      ListeningSession second = t.candor().sessions().open(t.moderator(), s.id());
      t.candor().jobs().run(s.id(), SessionJobs.Action.OPEN, Duration.ZERO);

      assertThat(first.state()).isEqualTo(SessionState.OPEN);
      assertThat(second.state()).isEqualTo(SessionState.OPEN);
      assertThat(t.session(s.id()).state()).isEqualTo(SessionState.OPEN);
      assertThat(reminders(t, ReminderKind.LIVE_NOW))
          .extracting(i -> i.target().asChannel())
          .containsExactlyInAnyOrder(TestCandor.CHANNEL, SECOND);
    }
  }

  @Test
  void givenCloseTwice_thenClosedOnceWithOneClosedReminderPerChannelAndOneSummaryPerRecipient() {
    UserRef otherModerator = new UserRef(Platform.SLACK, "U-MOD-2");
    try (TestCandor t =
        TestCandor.create()
            .withChannels(TestCandor.CHANNEL, SECOND)
            .withModerators(TestCandor.MODERATOR.ref(), otherModerator)
            .build()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);

      t.candor().sessions().close(t.moderator(), s.id());
      ListeningSession again = t.candor().sessions().close(t.moderator(), s.id());
      t.candor().jobs().run(s.id(), SessionJobs.Action.CLOSE, Duration.ZERO);

      assertThat(again.state()).isEqualTo(SessionState.CLOSED);
      assertThat(reminders(t, ReminderKind.CLOSED))
          .extracting(i -> i.target().asChannel())
          .containsExactlyInAnyOrder(TestCandor.CHANNEL, SECOND);
      assertThat(t.outbox())
          .filteredOn(i -> i.kind() == NoticeKind.SUMMARY)
          .extracting(OutboxItem::target)
          .containsExactlyInAnyOrder(
              Target.direct(t.moderator().ref()),
              Target.direct(otherModerator),
              Target.direct(t.organizer().ref()));
    }
  }

  @Test
  void givenClose_thenDeliveryPostsTheClosedReminderAndSendsTheSummaryToModeratorAndOrganizer() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);
      t.candor().sessions().close(t.moderator(), s.id());
      t.clock().advance(Duration.ofSeconds(3)); // past the board refresh window

      t.deliverDue();

      assertThat(t.messenger().delivered(Notice.Reminder.class))
          .extracting(Notice.Reminder::kind)
          .containsExactly(ReminderKind.CLOSED);
      List<Delivery> summaries =
          t.messenger().directs().stream()
              .filter(d -> d.notice() instanceof Notice.Summary)
              .toList();
      assertThat(summaries)
          .extracting(Delivery::user)
          .containsExactlyInAnyOrder(t.moderator().ref(), t.organizer().ref());
      assertThat(((Notice.Summary) summaries.get(0).notice()).summary().released()).isEqualTo(3);
    }
  }

  @Test
  void givenClosedSession_thenItCannotBeOpenedAgainOrCancelled() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().sessions().close(t.moderator(), s.id());

      assertThatThrownBy(() -> t.candor().sessions().open(t.moderator(), s.id()))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
      assertThatThrownBy(() -> t.candor().sessions().cancel(t.organizer(), s.id()))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
      assertThatThrownBy(() -> t.candor().questions().ask(participant(1), s.id(), "Too late"))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
    }
  }

  @Test
  void givenOpenSession_thenItCannotBeArchivedBeforeItCloses() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);

      assertThatThrownBy(() -> t.candor().sessions().archive(t.organizer(), s.id()))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
      assertThat(t.keyExists(s.id())).isTrue();
      assertThat(t.count("questions")).isEqualTo(3);
    }
  }

  @Test
  void givenCancel_thenTheSessionIsCancelledAndShreddedLikeAnArchive() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.voteEach(ids.get(0), 4, 6);

      ListeningSession cancelled = t.candor().sessions().cancel(t.organizer(), s.id());

      assertThat(cancelled.state()).isEqualTo(SessionState.CANCELLED);
      assertThat(t.session(s.id()).state()).isEqualTo(SessionState.CANCELLED);
      assertThat(t.keyExists(s.id())).isFalse();
      assertThat(t.count("session_keys")).isZero();
      assertThat(t.count("votes")).isZero();
      assertThat(ids).extracting(id -> t.question(id).author()).containsOnlyNulls();
      assertThat(t.question(ids.get(0)).archivedVotes()).isEqualTo(3);
      assertThat(t.recompute(s.id(), participant(1))).isEmpty();
      assertThatThrownBy(() -> t.candor().questions().ask(participant(1), s.id(), "Still there?"))
          .isInstanceOf(CandorException.class);
      assertThatThrownBy(() -> t.candor().sessions().cancel(t.organizer(), s.id()))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.WRONG_STATE));
    }
  }

  @Test
  void givenCancelledSession_thenItIsNoLongerListedAsCurrent() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession kept = t.scheduleSession();
      ListeningSession dropped = t.scheduleSession();
      t.candor().sessions().cancel(t.organizer(), dropped.id());

      assertThat(t.candor().sessions().current())
          .extracting(ListeningSession::id)
          .containsExactly(kept.id());
    }
  }

  @Test
  void givenScheduledJobsFiringInOrder_thenTheSessionWalksThroughItsLife() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      SessionJobs jobs = t.candor().jobs();

      t.clock().advance(Duration.ofHours(1));
      jobs.run(s.id(), SessionJobs.Action.OPEN, Duration.ZERO);
      assertThat(t.session(s.id()).state()).isEqualTo(SessionState.OPEN);
      t.askEach(s.id(), 1, 3);
      t.clock().advance(Duration.ofHours(1));
      jobs.run(s.id(), SessionJobs.Action.CLOSE, Duration.ZERO);
      assertThat(t.session(s.id()).state()).isEqualTo(SessionState.CLOSED);
      t.clock().advance(Duration.ofDays(7));
      jobs.run(s.id(), SessionJobs.Action.ARCHIVE, Duration.ZERO);
      jobs.run(s.id(), SessionJobs.Action.ARCHIVE, Duration.ZERO);

      assertThat(t.session(s.id()).state()).isEqualTo(SessionState.ARCHIVED);
      assertThat(t.keyExists(s.id())).isFalse();
      assertThat(t.questions(s.id())).extracting(Question::author).containsOnlyNulls();
    }
  }

  private static List<OutboxItem> reminders(TestCandor t, ReminderKind kind) {
    return t.outbox().stream()
        .filter(i -> i.kind() == NoticeKind.REMINDER)
        .filter(i -> i.payload().contains("\"" + kind.name() + "\""))
        .toList();
  }
}
