package dev.candor.core.store;

import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.session.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable outbox: every outbound message, keyed for deduplication. */
public interface OutboxRepo {
  /** Adds the item unless its dedupe key exists; returns whether it was added. */
  boolean enqueue(OutboxItem item);

  /**
   * How long a claim reserves an item that is waiting its turn in the claiming worker's batch. Kept
   * short so that when a worker dies, another one picks its batch up within seconds.
   */
  Duration CLAIM_LEASE = Duration.ofSeconds(10);

  /**
   * How long an item is reserved once its send has started: longer than any platform call may take
   * (the Bot Connector's read timeout is 30 s), so that a slow send is never duplicated by another
   * worker.
   */
  Duration SEND_LEASE = Duration.ofSeconds(60);

  /**
   * Claims up to {@code limit} pending items due at {@code now} for {@link #CLAIM_LEASE}, so that
   * no other worker takes them in the meantime. Without an owner: for a single Candor process.
   */
  default List<OutboxItem> claimDue(Instant now, int limit) {
    return claimDue(now, limit, null);
  }

  /**
   * Claims as {@link #claimDue(Instant, int)} does, for the cluster node {@code owner} (its Quartz
   * instance id, or null outside a cluster). Items leased by a node that the Quartz cluster has
   * declared dead (no longer in {@code qrtz_scheduler_state}) are claimable at once.
   */
  List<OutboxItem> claimDue(Instant now, int limit, String owner);

  /**
   * Voids every lease. Only for a single Candor process as it starts: any lease found then was left
   * by a process that died, and must not hold up its items until it runs out.
   */
  int releaseAllLeases();

  /**
   * Turns the claim made by {@link #claimDue} at {@code claimedAt} into a {@link #SEND_LEASE} from
   * {@code now}, just before the item is sent. False when that claim has lapsed and the item is no
   * longer this worker's to send: another worker may have claimed it, or already sent it.
   */
  boolean startSending(long id, Instant claimedAt, Instant now);

  Optional<OutboxItem> find(long id);

  Optional<OutboxItem> findByDedupeKey(String dedupeKey);

  void markSent(long id, Instant at);

  void markRetry(long id, int attempts, Instant nextAttemptAt, String error);

  void markFailed(long id, int attempts, String error);

  /** Items of the session that failed for good, for its moderators. */
  List<OutboxItem> failed(SessionId session);

  /** Pending items of any session, for monitoring and tests. */
  int countPending();
}
