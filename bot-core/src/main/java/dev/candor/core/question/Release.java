package dev.candor.core.question;

import dev.candor.core.delivery.Outbox;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.store.Tx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Releases pending questions so that neither the crowd size nor the timing gives an asker away:
 * nothing before k distinct people have asked, then in batches at fixed interval boundaries, in
 * shuffled order, stamped with the batch time truncated to the minute.
 */
public final class Release {
  private final Clock clock;
  private final Outbox outbox;
  private final Random random;

  public Release(Clock clock, Outbox outbox) {
    this(clock, outbox, new SecureRandom());
  }

  Release(Clock clock, Outbox outbox, Random random) {
    this.clock = clock;
    this.outbox = outbox;
    this.random = random;
  }

  /**
   * Releases the session's approved pending questions if a batch is due. The caller must hold the
   * session's row lock. Returns how many questions were released.
   */
  public int releaseIfDue(Tx tx, ListeningSession s) {
    if (s.state() != SessionState.SCHEDULED && s.state() != SessionState.OPEN) {
      return 0;
    }
    if (tx.questions().distinctAskers(s.id()) < s.settings().minAskers()) {
      return 0;
    }
    Instant now = clock.instant();
    if (!batchDue(s, now)) {
      return 0;
    }
    List<Question> batch = new ArrayList<>();
    for (Question q : tx.questions().bySession(s.id())) {
      if (q.status() == QuestionStatus.PENDING && q.approved()) {
        batch.add(q);
      }
    }
    // The boundary is spent even when nothing is waiting, so that a question asked just after a
    // quiet spell still waits for the next boundary instead of appearing alone at once.
    tx.sessions().updateLastRelease(s.id(), now);
    if (batch.isEmpty()) {
      return 0;
    }
    Collections.shuffle(batch, random);
    long seq = tx.questions().maxReleaseSeq(s.id());
    Instant stamp = now.truncatedTo(ChronoUnit.MINUTES);
    for (Question q : batch) {
      tx.questions()
          .update(
              new Question(
                  q.id(),
                  q.session(),
                  q.text(),
                  QuestionStatus.PUBLISHED,
                  q.author(),
                  true,
                  q.hiddenReason(),
                  q.answer(),
                  q.mergedInto(),
                  stamp,
                  ++seq,
                  q.archivedVotes()));
    }
    outbox.refreshBoard(tx, s);
    return batch.size();
  }

  static boolean batchDue(ListeningSession s, Instant now) {
    Duration interval = s.settings().releaseInterval();
    if (interval.isZero() || s.lastReleaseAt() == null) {
      return true;
    }
    long ms = interval.toMillis();
    return now.toEpochMilli() / ms > s.lastReleaseAt().toEpochMilli() / ms;
  }
}
