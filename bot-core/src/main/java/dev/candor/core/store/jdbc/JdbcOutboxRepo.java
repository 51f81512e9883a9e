package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.Target;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.OutboxRepo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementException;

final class JdbcOutboxRepo implements OutboxRepo {
  private static final int MAX_ERROR = 1000;
  private static final String COLUMNS =
      "id, dedupe_key, session_id, target_kind, target_platform, target_address, kind, payload,"
          + " status, attempts, not_before, last_error, created_at";
  private static final String PENDING = OutboxItem.Status.PENDING.name();

  private final Handle handle;
  private final Dialect dialect;

  JdbcOutboxRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public boolean enqueue(OutboxItem item) {
    notNull(item, "item");
    Target target = notNull(item.target(), "target");
    try {
      return handle
              .createUpdate(
                  "INSERT INTO outbox (dedupe_key, session_id, target_kind, target_platform,"
                      + " target_address, kind, payload, status, attempts, not_before, created_at)"
                      + " SELECT :key, :session, :targetKind, :platform, :address, :kind, :payload,"
                      + " :status, :attempts, :notBefore, :createdAt"
                      + " WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE dedupe_key = :key)"
                      + dialect.onConflictDoNothing())
              .bind("key", item.dedupeKey())
              .bind("session", item.session() == null ? null : item.session().value())
              .bind("targetKind", target.kind().name())
              .bind("platform", target.platform().name())
              .bind("address", target.address())
              .bind("kind", item.kind().name())
              .bind("payload", item.payload())
              .bind("status", item.status().name())
              .bind("attempts", item.attempts())
              .bind("notBefore", Sql.timestamp(notNull(item.notBefore(), "notBefore")))
              .bind("createdAt", Sql.timestamp(notNull(item.createdAt(), "createdAt")))
              .execute()
          == 1;
    } catch (StatementException e) {
      if (Sql.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public List<OutboxItem> claimDue(Instant now, int limit, String owner) {
    notNull(now, "now");
    if (limit <= 0) {
      return List.of();
    }
    String due =
        " status = :pending AND not_before <= :now AND (lease_until IS NULL OR lease_until < :now"
            + " OR (lease_owner IS NOT NULL AND lease_owner NOT IN"
            + " (SELECT instance_name FROM qrtz_scheduler_state)))";
    List<OutboxItem> candidates =
        handle
            .createQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM outbox WHERE"
                    + due
                    + " ORDER BY id LIMIT :limit FOR UPDATE"
                    + dialect.skipLocked())
            .bind("pending", PENDING)
            .bind("now", Sql.timestamp(now))
            .bind("limit", limit)
            .map((rs, ctx) -> item(rs))
            .list();
    if (candidates.isEmpty()) {
      return candidates;
    }
    // The condition is checked again as the lease is written: whichever way a database resolves
    // two workers reaching the same row, only one of them gets to lease it.
    PreparedBatch lease =
        handle.prepareBatch(
            "UPDATE outbox SET lease_until = :until, lease_owner = :owner WHERE id = :id AND"
                + due);
    for (OutboxItem item : candidates) {
      lease
          .bind("until", Sql.timestamp(claimUntil(now)))
          .bind("owner", owner)
          .bind("id", item.id())
          .bind("pending", PENDING)
          .bind("now", Sql.timestamp(now))
          .add();
    }
    int[] leased = lease.execute();
    List<OutboxItem> claimed = new ArrayList<>(candidates.size());
    for (int i = 0; i < leased.length; i++) {
      if (leased[i] == 1) {
        claimed.add(candidates.get(i));
      }
    }
    return claimed;
  }

  /**
   * The lease a claim at {@code now} writes, to the millisecond so that {@link #startSending} finds
   * exactly the value it wrote on every database.
   */
  private static Instant claimUntil(Instant now) {
    return now.plus(CLAIM_LEASE).truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public int releaseAllLeases() {
    return handle
        .createUpdate(
            "UPDATE outbox SET lease_until = NULL, lease_owner = NULL WHERE status = :pending"
                + " AND lease_until IS NOT NULL")
        .bind("pending", PENDING)
        .execute();
  }

  @Override
  public boolean startSending(long id, Instant claimedAt, Instant now) {
    notNull(claimedAt, "claimedAt");
    notNull(now, "now");
    // Still this worker's only if the lease is the one its claim wrote and has not run out: a
    // lapsed claim may have been taken over, and the new owner's lease differs from ours.
    return handle
            .createUpdate(
                "UPDATE outbox SET lease_until = :until WHERE id = :id AND status = :pending"
                    + " AND lease_until = :held AND lease_until >= :now")
            .bind("until", Sql.timestamp(now.plus(SEND_LEASE)))
            .bind("id", id)
            .bind("pending", PENDING)
            .bind("held", Sql.timestamp(claimUntil(claimedAt)))
            .bind("now", Sql.timestamp(now))
            .execute()
        == 1;
  }

  @Override
  public Optional<OutboxItem> find(long id) {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM outbox WHERE id = :id")
        .bind("id", id)
        .map((rs, ctx) -> item(rs))
        .findOne();
  }

  @Override
  public Optional<OutboxItem> findByDedupeKey(String dedupeKey) {
    notNull(dedupeKey, "dedupeKey");
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM outbox WHERE dedupe_key = :key")
        .bind("key", dedupeKey)
        .map((rs, ctx) -> item(rs))
        .findOne();
  }

  @Override
  public void markSent(long id, Instant at) {
    handle
        .createUpdate(
            "UPDATE outbox SET status = :status, sent_at = :at, lease_until = NULL WHERE id = :id")
        .bind("status", OutboxItem.Status.SENT.name())
        .bind("at", Sql.timestamp(notNull(at, "at")))
        .bind("id", id)
        .execute();
  }

  @Override
  public void markRetry(long id, int attempts, Instant nextAttemptAt, String error) {
    handle
        .createUpdate(
            "UPDATE outbox SET status = :status, attempts = :attempts, not_before = :next,"
                + " last_error = :error, lease_until = NULL WHERE id = :id")
        .bind("status", PENDING)
        .bind("attempts", attempts)
        .bind("next", Sql.timestamp(notNull(nextAttemptAt, "nextAttemptAt")))
        .bind("error", Sql.fit(error, MAX_ERROR))
        .bind("id", id)
        .execute();
  }

  @Override
  public void markFailed(long id, int attempts, String error) {
    handle
        .createUpdate(
            "UPDATE outbox SET status = :status, attempts = :attempts, last_error = :error,"
                + " lease_until = NULL WHERE id = :id")
        .bind("status", OutboxItem.Status.FAILED.name())
        .bind("attempts", attempts)
        .bind("error", Sql.fit(error, MAX_ERROR))
        .bind("id", id)
        .execute();
  }

  @Override
  public List<OutboxItem> failed(SessionId session) {
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM outbox WHERE session_id = :session AND status = :failed"
                + " ORDER BY id")
        .bind("session", session.value())
        .bind("failed", OutboxItem.Status.FAILED.name())
        .map((rs, ctx) -> item(rs))
        .list();
  }

  @Override
  public int countPending() {
    return handle
        .createQuery("SELECT COUNT(*) FROM outbox WHERE status = :pending")
        .bind("pending", PENDING)
        .mapTo(Integer.class)
        .one();
  }

  private static OutboxItem item(ResultSet rs) throws SQLException {
    long session = rs.getLong("session_id");
    SessionId sessionId = rs.wasNull() ? null : new SessionId(session);
    return new OutboxItem(
        rs.getLong("id"),
        rs.getString("dedupe_key"),
        sessionId,
        new Target(
            Target.Kind.valueOf(rs.getString("target_kind")),
            Platform.valueOf(rs.getString("target_platform")),
            rs.getString("target_address")),
        NoticeKind.valueOf(rs.getString("kind")),
        rs.getString("payload"),
        OutboxItem.Status.valueOf(rs.getString("status")),
        rs.getInt("attempts"),
        Sql.instant(rs, "not_before"),
        rs.getString("last_error"),
        Sql.instant(rs, "created_at"));
  }
}
