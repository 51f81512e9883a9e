package dev.candor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.identity.Platform;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.LogCapture;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reminders go to the session's channels, once each however often their job fires, and never after
 * the moment they announce.
 */
class RemindersTest {
  private static final ChannelRef SLACK = new ChannelRef(Platform.SLACK, "C-GENERAL");
  private static final Duration HOUR = Duration.ofHours(1);

  @Test
  void givenReminderBeforeTheStart_thenOneIsEnqueuedPerChannel() {
    try (TestCandor t = TestCandor.create().withChannels(TestCandor.CHANNEL, SLACK).build()) {
      ListeningSession s = t.scheduleSession();

      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, HOUR);

      List<OutboxItem> reminders = reminders(t);
      assertThat(reminders)
          .extracting(i -> i.target().asChannel())
          .containsExactlyInAnyOrder(TestCandor.CHANNEL, SLACK);
      assertThat(reminders)
          .allSatisfy(
              i -> {
                assertThat(i.payload()).contains("BEFORE_START").contains("3600");
                assertThat(i.notBefore()).isEqualTo(t.clock().instant());
              });
    }
  }

  @Test
  void givenTheSameReminderFiringAgain_thenNothingMoreIsEnqueued() {
    try (TestCandor t = TestCandor.create().withChannels(TestCandor.CHANNEL, SLACK).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, HOUR);

      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, HOUR);
      t.clock().advance(Duration.ofMinutes(5));
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, HOUR);

      assertThat(reminders(t)).hasSize(2);
    }
  }

  @Test
  void givenTwoDifferentLeads_thenEachIsItsOwnReminder() {
    try (TestCandor t = TestCandor.create().withSessionTimes(Duration.ofDays(2), HOUR).build()) {
      ListeningSession s = t.scheduleSession();

      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(24));
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, HOUR);

      assertThat(reminders(t)).hasSize(2);
    }
  }

  @Test
  void givenReminderFiringAfterTheStart_thenItIsSkippedAsStale() {
    try (TestCandor t = TestCandor.withDefaults();
        LogCapture logs = LogCapture.rootAtDebug()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(s.startsAt().plusSeconds(1));

      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));

      assertThat(t.count("outbox")).isZero();
      assertThat(logs.lines()).anyMatch(l -> l.contains("skipped stale BEFORE_START reminder"));
    }
  }

  @Test
  void givenReminderFiringExactlyAtTheStart_thenItIsSkipped() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(s.startsAt());

      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));

      assertThat(t.count("outbox")).isZero();
    }
  }

  @Test
  void givenSessionAlreadyOpenOrCancelled_thenBeforeStartRemindersAreSkipped() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession open = t.scheduleSession();
      ListeningSession cancelled = t.scheduleSession();
      t.candor().sessions().open(t.moderator(), open.id());
      t.candor().sessions().cancel(t.organizer(), cancelled.id());
      long before = t.count("outbox");

      t.candor().jobs().run(open.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));
      t.candor().jobs().run(cancelled.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));

      assertThat(reminders(t, "BEFORE_START")).isEmpty();
      assertThat(t.count("outbox")).isEqualTo(before);
    }
  }

  @Test
  void givenIntakeClosingBeforeTheEnd_thenOnePerChannelAndNoneAfterTheEnd() {
    try (TestCandor t = TestCandor.create().withChannels(TestCandor.CHANNEL, SLACK).build()) {
      ListeningSession early = t.scheduleSession();
      ListeningSession late = t.scheduleSession();
      t.clock().set(early.endsAt().minus(Duration.ofMinutes(15)));

      t.candor().jobs().run(early.id(), SessionJobs.Action.INTAKE_CLOSING, Duration.ofMinutes(15));
      t.candor().jobs().run(early.id(), SessionJobs.Action.INTAKE_CLOSING, Duration.ofMinutes(15));
      t.clock().set(late.endsAt());
      t.candor().jobs().run(late.id(), SessionJobs.Action.INTAKE_CLOSING, Duration.ofMinutes(15));

      assertThat(reminders(t, "INTAKE_CLOSING"))
          .hasSize(2)
          .allSatisfy(i -> assertThat(i.session()).isEqualTo(early.id()));
    }
  }

  @Test
  void givenDeliveredReminder_thenItSaysWhenTheSessionStartsAndHowToAsk() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, HOUR);

      t.deliverDue();

      List<Notice.Reminder> sent = t.messenger().delivered(Notice.Reminder.class);
      assertThat(sent)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.kind()).isEqualTo(ReminderKind.BEFORE_START);
                assertThat(r.lead()).isEqualTo(HOUR);
                assertThat(r.top()).isEmpty();
              });
      assertThat(PlainText.render(sent.get(0)))
          .contains("\"Session 1\" (" + s.id() + ") starts in 1 hour")
          .contains("ask " + s.id());
    }
  }

  @Test
  void givenOpenJob_thenLiveNowReminderCarriesTheCurrentTopQuestions() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      var ids = t.askEach(s.id(), 1, 4);
      t.voteEach(ids.get(3), 1, 2);
      t.clock().set(s.startsAt());

      t.candor().jobs().run(s.id(), SessionJobs.Action.OPEN, Duration.ZERO);
      t.deliverDue();

      Notice.Reminder live =
          t.messenger().delivered(Notice.Reminder.class).stream()
              .filter(r -> r.kind() == ReminderKind.LIVE_NOW)
              .findFirst()
              .orElseThrow();
      assertThat(live.top()).hasSize(3);
      assertThat(live.top().get(0).id()).isEqualTo(ids.get(3));
    }
  }

  private static List<OutboxItem> reminders(TestCandor t) {
    return t.outbox().stream().filter(i -> i.kind() == NoticeKind.REMINDER).toList();
  }

  private static List<OutboxItem> reminders(TestCandor t, String kind) {
    return reminders(t).stream().filter(i -> i.payload().contains("\"" + kind + "\"")).toList();
  }
}
