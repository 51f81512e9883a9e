package dev.candor.core.delivery;

import dev.candor.core.session.SessionId;
import java.time.Instant;

/**
 * One outbound message in the durable outbox. The payload is a small JSON object of ids and numbers
 * (never question text or participant ids); the message itself is composed at delivery time.
 *
 * @param dedupeKey unique: the same decision taken twice (a duplicate firing, a retry after a
 *     crash) maps to the same key and is stored once
 */
public record OutboxItem(
    long id,
    String dedupeKey,
    SessionId session,
    Target target,
    NoticeKind kind,
    String payload,
    Status status,
    int attempts,
    Instant notBefore,
    String lastError,
    Instant createdAt) {

  public enum Status {
    PENDING,
    SENT,
    FAILED
  }

  /** A new pending item, due at {@code notBefore}. */
  public static OutboxItem pending(
      String dedupeKey,
      SessionId session,
      Target target,
      NoticeKind kind,
      String payload,
      Instant notBefore,
      Instant now) {
    return new OutboxItem(
        0, dedupeKey, session, target, kind, payload, Status.PENDING, 0, notBefore, null, now);
  }
}
