package dev.candor.core.store;

import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.session.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable outbox: every outbound message, keyed for deduplication. */
public interface OutboxRepo {
  /** Adds the item unless its dedupe key exists; returns whether it was added. */
  boolean enqueue(OutboxItem item);

  /**
   * Claims up to {@code limit} pending items due at {@code now}, locking them so that no other
   * worker delivers them in the meantime.
   */
  List<OutboxItem> claimDue(Instant now, int limit);

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
