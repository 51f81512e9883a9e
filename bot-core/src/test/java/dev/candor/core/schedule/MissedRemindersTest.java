package dev.candor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.Notice;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.ReminderKind;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.LogCapture;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What happens to reminders after downtime, whoever fires them: only the most recent missed one
 * goes out, saying how long is really left; one that went stale while waiting in the outbox is
 * dropped at delivery; and an item a crashed worker had claimed is delivered once its lease ends.
 */
class MissedRemindersTest {
  private static final Duration DAY = Duration.ofDays(1);

  @Test
  void givenTwoRemindersMissed_thenOnlyTheMostRecentGoesOutSayingTheTimeReallyLeft() {
    try (TestCandor t = TestCandor.create().withSessionTimes(Duration.ofDays(2), DAY).build();
        LogCapture logs = LogCapture.rootAtDebug()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(s.startsAt().minus(Duration.ofMinutes(30)));

      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, DAY);
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
      t.deliverDue();

      List<Notice.Reminder> sent = t.messenger().delivered(Notice.Reminder.class);
      assertThat(sent)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.kind()).isEqualTo(ReminderKind.BEFORE_START);
                assertThat(r.lead()).isEqualTo(Duration.ofMinutes(30));
              });
      assertThat(PlainText.render(sent.get(0))).contains("starts in 30 minutes");
      assertThat(logs.lines())
          .anyMatch(l -> l.startsWith("INFO") && l.contains("a later one is due as well"));
    }
  }

  @Test
  void givenReminderLateByLessThanAMinute_thenItAnnouncesItsNominalLead() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(s.startsAt().minus(Duration.ofMinutes(10)).plusSeconds(40));

      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));
      t.deliverDue();

      assertThat(t.messenger().delivered(Notice.Reminder.class))
          .singleElement()
          .satisfies(r -> assertThat(r.lead()).isEqualTo(Duration.ofMinutes(10)));
    }
  }

  @Test
  void givenReminderWaitingInTheOutboxUntilAfterTheStart_thenItIsDroppedNotDelivered() {
    try (TestCandor t = TestCandor.withDefaults();
        LogCapture logs = LogCapture.rootAtDebug()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));
      t.clock().set(s.startsAt().plusSeconds(5));

      t.deliverDue();

      assertThat(t.messenger().attempts()).isEmpty();
      assertThat(reminders(t))
          .singleElement()
          .satisfies(i -> assertThat(i.status()).isNotEqualTo(OutboxItem.Status.PENDING));
      assertThat(logs.lines()).anyMatch(l -> l.contains("dropped stale BEFORE_START reminder"));
    }
  }

  @Test
  void givenLiveNowWaitingUntilTheSessionClosed_thenOnlyTheClosedNoticeIsPosted() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.clock().set(s.endsAt().plusSeconds(30));
      t.candor().jobs().run(s.id(), SessionJobs.Action.OPEN, Duration.ZERO);
      t.candor().jobs().run(s.id(), SessionJobs.Action.CLOSE, Duration.ZERO);

      t.deliverDue();

      assertThat(t.messenger().delivered(Notice.Reminder.class))
          .extracting(Notice.Reminder::kind)
          .containsExactly(ReminderKind.CLOSED);
    }
  }

  @Test
  void givenItemClaimedByAWorkerThatCrashed_thenAnotherDeliversItOnceTheLeaseHasPassed() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
      List<OutboxItem> claimed = t.tx(tx -> tx.outbox().claimDue(t.clock().instant(), 20));
      assertThat(claimed).hasSize(1); // ... and that worker died before delivering

      assertThat(t.deliverDue()).isZero();
      t.clock().advance(Duration.ofSeconds(61));
      t.deliverDue();
      t.deliverDue();

      assertThat(t.messenger().posts()).hasSize(1);
      assertThat(reminders(t))
          .singleElement()
          .satisfies(i -> assertThat(i.status()).isEqualTo(OutboxItem.Status.SENT));
    }
  }

  private static List<OutboxItem> reminders(TestCandor t) {
    return t.outbox().stream().filter(i -> i.kind() == NoticeKind.REMINDER).toList();
  }
}
