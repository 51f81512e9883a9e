package dev.candor.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.Target;
import dev.candor.core.session.SessionId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

interface OutboxRepoContract extends StorageFixture {
  Instant NOW = Instant.parse("2030-03-14T18:00:00Z");

  private OutboxItem item(SessionId s, String key, Instant due) {
    return OutboxItem.pending(
        key,
        s,
        Target.channel(TestSessions.GENERAL),
        NoticeKind.REMINDER,
        "{\"leadSeconds\":600}",
        due,
        NOW);
  }

  private OutboxItem enqueued(SessionId s, String key, Instant due) {
    OutboxItem item = item(s, key, due);
    assertThat(outbox().enqueue(item)).isTrue();
    return outbox().findByDedupeKey(key).orElseThrow();
  }

  private List<Long> claimIds(Instant at, int limit) {
    return outbox().claimDue(at, limit).stream().map(OutboxItem::id).toList();
  }

  @Test
  default void givenItem_whenEnqueued_thenFoundAsPending() {
    SessionId s = savedSession().id();
    OutboxItem item =
        OutboxItem.pending(
            "summary:s1:close:slack:U1",
            s,
            Target.direct(TestSessions.MODERATOR),
            NoticeKind.SUMMARY,
            "{}",
            NOW.plusSeconds(5),
            NOW);

    assertThat(outbox().enqueue(item)).isTrue();

    OutboxItem found = outbox().findByDedupeKey(item.dedupeKey()).orElseThrow();
    assertThat(found.id()).isPositive();
    assertThat(found).usingRecursiveComparison().ignoringFields("id").isEqualTo(item);
    assertThat(outbox().find(found.id())).contains(found);
    assertThat(outbox().countPending()).isEqualTo(1);
  }

  @Test
  default void givenDedupeKeyTaken_whenEnqueuedAgain_thenFalseAndStoredOnce() {
    SessionId s = savedSession().id();
    OutboxItem first = enqueued(s, "reminder:1", NOW);

    boolean again =
        tx(
            t -> {
              boolean added = t.outbox().enqueue(item(s, "reminder:1", NOW.plusSeconds(99)));
              t.outbox().enqueue(item(s, "reminder:2", NOW)); // the transaction still works
              return added;
            });

    assertThat(again).isFalse();
    assertThat(outbox().findByDedupeKey("reminder:1")).contains(first);
    assertThat(outbox().countPending()).isEqualTo(2);
  }

  @Test
  default void givenItemsDueLater_whenClaimed_thenOnlyDueOnesInIdOrderUpToTheLimit() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW.minusSeconds(10));
    OutboxItem b = enqueued(s, "b", NOW);
    OutboxItem c = enqueued(s, "c", NOW.minusSeconds(5));
    enqueued(s, "later", NOW.plusSeconds(1));

    assertThat(claimIds(NOW, 2)).containsExactly(a.id(), b.id());
    assertThat(claimIds(NOW, 10)).containsExactly(c.id());
    assertThat(claimIds(NOW, 0)).isEmpty();
  }

  @Test
  default void givenClaimedItem_thenNotClaimedAgainUntilTheLeaseExpires() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);

    assertThat(outbox().claimDue(NOW, 10)).containsExactly(a);
    assertThat(claimIds(NOW.plusSeconds(9), 10)).isEmpty();

    assertThat(claimIds(NOW.plusSeconds(11), 10)).containsExactly(a.id());
  }

  @Test
  default void givenClaimStillHeld_whenSendingStarts_thenReservedForTheSendLease() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    claimIds(NOW, 10);

    assertThat(outbox().startSending(a.id(), NOW, NOW.plusSeconds(8))).isTrue();

    assertThat(claimIds(NOW.plusSeconds(8 + 59), 10)).isEmpty();
    assertThat(claimIds(NOW.plusSeconds(8 + 61), 10)).containsExactly(a.id());
  }

  @Test
  default void givenClaimLapsedAndTakenOver_whenTheFirstWorkerStartsSending_thenItIsRefused() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    claimIds(NOW, 10);
    Instant takenOver = NOW.plusSeconds(11);
    assertThat(claimIds(takenOver, 10)).containsExactly(a.id());

    assertThat(outbox().startSending(a.id(), NOW, NOW.plusSeconds(12))).isFalse();
    assertThat(outbox().startSending(a.id(), takenOver, NOW.plusSeconds(12))).isTrue();
  }

  @Test
  default void givenClaimLapsedButNotTakenOver_whenSendingStarts_thenItIsRefused() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    claimIds(NOW, 10);

    assertThat(outbox().startSending(a.id(), NOW, NOW.plusSeconds(11))).isFalse();
    assertThat(claimIds(NOW.plusSeconds(11), 10)).containsExactly(a.id());
  }

  @Test
  default void givenLeaseOfALiveClusterNode_thenOtherNodesWaitForIt() throws Exception {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    clusterNodeCheckedIn("node-a");
    clusterNodeCheckedIn("node-b");
    assertThat(outbox().claimDue(NOW, 10, "node-a")).containsExactly(a);
    assertThat(outbox().startSending(a.id(), NOW, NOW.plusSeconds(1))).isTrue();

    assertThat(outbox().claimDue(NOW.plusSeconds(30), 10, "node-b")).isEmpty();
  }

  @Test
  default void givenLeaseOfANodeTheClusterDeclaredDead_thenAnotherNodeClaimsItAtOnce()
      throws Exception {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    clusterNodeCheckedIn("node-a");
    clusterNodeCheckedIn("node-b");
    outbox().claimDue(NOW, 10, "node-a");
    outbox().startSending(a.id(), NOW, NOW.plusSeconds(1));

    clusterNodeRecovered("node-a");

    assertThat(outbox().claimDue(NOW.plusSeconds(2), 10, "node-b")).containsExactly(a);
    assertThat(outbox().startSending(a.id(), NOW.plusSeconds(2), NOW.plusSeconds(3))).isTrue();
  }

  @Test
  default void givenLeasesLeftByAStoppedProcess_whenReleased_thenClaimableAtOnce() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    OutboxItem b = enqueued(s, "b", NOW);
    claimIds(NOW, 10);
    outbox().startSending(a.id(), NOW, NOW);

    assertThat(outbox().releaseAllLeases()).isEqualTo(2);

    assertThat(claimIds(NOW.plusSeconds(1), 10)).containsExactly(a.id(), b.id());
  }

  /** What Quartz writes when a clustered scheduler checks in. */
  private void clusterNodeCheckedIn(String instance) throws Exception {
    sql(
        "INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time,"
            + " checkin_interval) VALUES ('candor', '"
            + instance
            + "', 0, 7500)");
  }

  /** What Quartz does once it has recovered a node that stopped checking in. */
  private void clusterNodeRecovered(String instance) throws Exception {
    sql("DELETE FROM qrtz_scheduler_state WHERE instance_name = '" + instance + "'");
  }

  private void sql(String statement) throws Exception {
    try (java.sql.Connection c = database().dataSource().getConnection();
        java.sql.Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }

  @Test
  default void givenItemAlreadySent_whenSendingStartsAgain_thenItIsRefused() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    claimIds(NOW, 10);
    outbox().markSent(a.id(), NOW.plusSeconds(1));

    assertThat(outbox().startSending(a.id(), NOW, NOW.plusSeconds(2))).isFalse();
  }

  @Test
  default void givenSentItem_thenNeverClaimedAgainAndNotPending() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    claimIds(NOW, 10);

    outbox().markSent(a.id(), NOW.plusSeconds(1));

    assertThat(outbox().find(a.id()).orElseThrow().status()).isEqualTo(OutboxItem.Status.SENT);
    assertThat(claimIds(NOW.plusSeconds(3600), 10)).isEmpty();
    assertThat(outbox().countPending()).isZero();
  }

  @Test
  default void givenRetry_thenClaimableAgainAtTheNextAttemptDespiteTheOldLease() {
    SessionId s = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    claimIds(NOW, 10);
    Instant next = NOW.plusSeconds(5);

    outbox().markRetry(a.id(), 1, next, "429 Too Many Requests");

    OutboxItem retried = outbox().find(a.id()).orElseThrow();
    assertThat(retried.status()).isEqualTo(OutboxItem.Status.PENDING);
    assertThat(retried.attempts()).isEqualTo(1);
    assertThat(retried.notBefore()).isEqualTo(next);
    assertThat(retried.lastError()).isEqualTo("429 Too Many Requests");
    assertThat(claimIds(next.minusSeconds(1), 10)).isEmpty();
    assertThat(claimIds(next, 10)).containsExactly(a.id());
  }

  @Test
  default void givenFailedItem_thenListedForItsSessionOnlyAndNotPending() {
    SessionId s = savedSession().id();
    SessionId other = savedSession().id();
    OutboxItem a = enqueued(s, "a", NOW);
    OutboxItem b = enqueued(other, "b", NOW);
    enqueued(s, "c", NOW);

    storage()
        .run(
            t -> {
              t.outbox().markFailed(a.id(), 5, "x".repeat(5000));
              t.outbox().markFailed(b.id(), 5, "channel_not_found");
            });

    List<OutboxItem> failed = outbox().failed(s);
    assertThat(failed).extracting(OutboxItem::id).containsExactly(a.id());
    assertThat(failed.get(0).attempts()).isEqualTo(5);
    assertThat(failed.get(0).lastError()).hasSizeLessThanOrEqualTo(1000);
    assertThat(claimIds(NOW.plusSeconds(3600), 10)).hasSize(1);
    assertThat(outbox().countPending()).isEqualTo(1);
  }
}
