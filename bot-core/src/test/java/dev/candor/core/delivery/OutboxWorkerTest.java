package dev.candor.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.identity.Platform;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.schedule.SessionJobs;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.RecordingMessenger;
import dev.candor.core.testing.RecordingMessenger.Delivery;
import dev.candor.core.testing.RecordingMessenger.Kind;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox worker, driven by hand with a standing clock: coalesced board edits, retries that
 * honour Retry-After, and permanent failures reported to moderators.
 */
class OutboxWorkerTest {
  private static final ChannelRef SECOND = new ChannelRef(Platform.CONSOLE, "second");

  @Test
  void givenManyVotesInOneWindow_thenOneBoardPostPerChannelShowingTheLatestTallies() {
    try (TestCandor t = TestCandor.create().withChannels(TestCandor.CHANNEL, SECOND).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.voteEach(ids.get(0), 1, 20);
      t.voteEach(ids.get(1), 1, 5);

      assertThat(boardRows(t)).hasSize(2);
      assertThat(t.deliverDue()).isZero(); // the window has not ended yet
      t.clock().advance(Duration.ofSeconds(3));
      t.deliverDue();

      RecordingMessenger m = t.messenger();
      assertThat(m.posts()).hasSize(2);
      assertThat(m.posts())
          .extracting(Delivery::channel)
          .containsExactlyInAnyOrder(TestCandor.CHANNEL, SECOND);
      assertThat(m.updates()).isEmpty();
      List<BoardEntry> shown = ((Notice.Board) m.posts().get(0).notice()).board().entries();
      assertThat(shown).extracting(BoardEntry::votes).containsExactly(20, 5, 0);
    }
  }

  @Test
  void givenVotesInALaterWindow_thenTheSameBoardMessageIsEditedNotPostedAgain() {
    try (TestCandor t = TestCandor.create().withChannels(TestCandor.CHANNEL, SECOND).build()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.voteEach(ids.get(2), 1, 4);
      t.clock().advance(Duration.ofSeconds(3));
      t.deliverDue();
      List<Delivery> posts = t.messenger().posts();

      for (int window = 0; window < 3; window++) {
        t.voteEach(ids.get(1), 10 * (window + 1), 10 * (window + 1) + 9);
        t.clock().advance(Duration.ofSeconds(3));
        t.deliverDue();
      }

      RecordingMessenger m = t.messenger();
      assertThat(m.posts()).isEqualTo(posts).hasSize(2);
      assertThat(m.updates()).hasSize(6);
      for (Delivery post : posts) {
        assertThat(m.updates())
            .filteredOn(u -> u.channel().equals(post.channel()))
            .hasSize(3)
            .allSatisfy(u -> assertThat(u.messageRef()).isEqualTo(post.messageRef()));
      }
      Delivery last = m.updates().get(m.updates().size() - 1);
      assertThat(((Notice.Board) last.notice()).board().entries().get(0).votes()).isEqualTo(30);
    }
  }

  @Test
  void
      givenRateLimitWithRetryAfterThenServerErrorThenSuccess_thenDeliveredOnceAndNotBeforeRetryAfter() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
      RecordingMessenger m =
          t.messenger()
              .failNext(
                  DeliveryException.retryAfter("429 rate limited", Duration.ofSeconds(2)),
                  DeliveryException.temporary("500 server error", null));
      Instant start = t.clock().instant();

      assertThat(t.deliverDue()).isEqualTo(1);
      OutboxItem afterRateLimit = onlyItem(t);
      assertThat(afterRateLimit.status()).isEqualTo(OutboxItem.Status.PENDING);
      assertThat(afterRateLimit.attempts()).isEqualTo(1);
      assertThat(afterRateLimit.notBefore()).isEqualTo(start.plusSeconds(2));
      assertThat(afterRateLimit.lastError()).contains("429");

      assertThat(t.deliverDue()).isZero();
      t.clock().advance(Duration.ofMillis(1999));
      assertThat(t.deliverDue()).isZero();
      assertThat(m.attempts()).hasSize(1);

      t.clock().advance(Duration.ofMillis(1));
      assertThat(t.deliverDue()).isEqualTo(1); // the 500
      assertThat(onlyItem(t).attempts()).isEqualTo(2);
      assertThat(onlyItem(t).notBefore())
          .isBetween(t.clock().instant().plusSeconds(1), t.clock().instant().plusSeconds(2));

      t.clock().advance(Duration.ofSeconds(2));
      assertThat(t.deliverDue()).isEqualTo(1);
      t.clock().advance(Duration.ofMinutes(30));
      assertThat(t.deliverDue()).isZero();

      assertThat(m.attempts()).hasSize(3);
      assertThat(m.posts()).hasSize(1);
      assertThat(((Notice.Reminder) m.posts().get(0).notice()).kind())
          .isEqualTo(ReminderKind.BEFORE_START);
      assertThat(onlyItem(t).status()).isEqualTo(OutboxItem.Status.SENT);
    }
  }

  @Test
  void givenPermanentFailure_thenTheItemFailsForGoodAndModeratorsGetAnAlert() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
      RecordingMessenger m =
          t.messenger()
              .failMatching(
                  d -> d.kind() == Kind.POST, DeliveryException.permanent("channel_not_found"));

      t.deliverDue();
      t.clock().advance(Duration.ofHours(1));
      t.deliverDue();

      OutboxItem reminder =
          t.outbox().stream()
              .filter(i -> i.kind() == NoticeKind.REMINDER)
              .findFirst()
              .orElseThrow();
      assertThat(reminder.status()).isEqualTo(OutboxItem.Status.FAILED);
      assertThat(reminder.attempts()).isEqualTo(1);
      assertThat(reminder.lastError()).contains("channel_not_found");
      assertThat(m.attempts()).filteredOn(d -> d.kind() == Kind.POST).hasSize(1);
      List<OutboxItem> failed = t.tx(tx -> tx.outbox().failed(s.id()));
      assertThat(failed).extracting(OutboxItem::id).containsExactly(reminder.id());
      List<Delivery> alerts =
          m.directs().stream().filter(d -> d.notice() instanceof Notice.ModeratorAlert).toList();
      assertThat(alerts)
          .extracting(Delivery::user)
          .containsExactlyInAnyOrder(t.moderator().ref(), t.organizer().ref());
      assertThat(((Notice.ModeratorAlert) alerts.get(0).notice()).text())
          .contains("could not deliver a reminder")
          .contains("general")
          .contains("channel_not_found");
    }
  }

  @Test
  void givenTemporaryFailuresThatNeverStop_thenTheWorkerGivesUpAndAlertsModerators() {
    // A day ahead, so the reminder is still worth sending however long the retries take.
    try (TestCandor t =
        TestCandor.create().withSessionTimes(Duration.ofDays(1), Duration.ofHours(1)).build()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofDays(1));
      RecordingMessenger m =
          t.messenger()
              .failMatching(
                  d -> d.kind() == Kind.POST, DeliveryException.temporary("503 unavailable", null));

      for (int i = 0; i < 20; i++) {
        t.deliverDue();
        t.clock().advance(Duration.ofMinutes(11)); // beyond the largest backoff
      }

      OutboxItem reminder =
          t.outbox().stream()
              .filter(i -> i.kind() == NoticeKind.REMINDER)
              .findFirst()
              .orElseThrow();
      assertThat(reminder.status()).isEqualTo(OutboxItem.Status.FAILED);
      assertThat(reminder.attempts()).isEqualTo(OutboxWorker.MAX_ATTEMPTS);
      assertThat(m.attempts())
          .filteredOn(d -> d.kind() == Kind.POST)
          .hasSize(OutboxWorker.MAX_ATTEMPTS);
      assertThat(m.delivered(Notice.ModeratorAlert.class)).hasSize(2);
    }
  }

  @Test
  void givenAlertThatCannotBeDelivered_thenNoAlertAboutTheAlertIsRaised() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
      t.messenger().failMatching(d -> true, DeliveryException.permanent("bot removed"));

      t.deliverDue();

      assertThat(t.outbox())
          .filteredOn(i -> i.kind() == NoticeKind.MODERATOR_ALERT)
          .hasSize(2)
          .allSatisfy(i -> assertThat(i.status()).isEqualTo(OutboxItem.Status.FAILED));
      assertThat(t.outbox()).hasSize(3);
    }
  }

  @Test
  void givenBackoff_thenItGrowsAndStaysWithinItsCap() {
    for (int attempt = 1; attempt <= 30; attempt++) {
      Duration d = OutboxWorker.backoff(attempt);
      long cap = Math.min(OutboxWorker.MAX_DELAY.toMillis(), 1000L << Math.min(attempt - 1, 20));
      assertThat(d.toMillis()).isBetween(cap / 2, cap);
    }
  }

  private static List<OutboxItem> boardRows(TestCandor t) {
    return t.outbox().stream().filter(i -> i.kind() == NoticeKind.BOARD).toList();
  }

  private static OutboxItem onlyItem(TestCandor t) {
    List<OutboxItem> items = t.outbox();
    assertThat(items).hasSize(1);
    return items.get(0);
  }
}
