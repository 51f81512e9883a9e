package dev.candor.core.question;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.delivery.NoticeKind;
import dev.candor.core.delivery.OutboxItem;
import dev.candor.core.delivery.Target;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionPolicy;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Escalation, the way a dissent memo gathers signatures: when a question's votes reach the
 * threshold set for its session, the organizer who scheduled the session is told at once and
 * privately (before the session if it has not started), once per question, and the summary marks
 * the question. The message holds ids and numbers only.
 */
public final class Escalations implements VoteListener {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Clock clock;

  public Escalations(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void voted(Tx tx, ListeningSession s, QuestionId question, int tally) {
    SessionPolicy policy = tx.policies().find(s.id());
    if (policy.escalateAt().isPresent() && tally >= policy.escalateAt().getAsInt()) {
      escalate(tx, s, question, policy.escalateAt().getAsInt());
    }
  }

  /**
   * Escalates every question of the session on the board at or above the threshold, e.g. right
   * after the threshold was set or lowered. Returns how many were newly escalated.
   */
  public int escalateReached(Tx tx, ListeningSession s, Boards boards) {
    SessionPolicy policy = tx.policies().find(s.id());
    if (policy.escalateAt().isEmpty()) {
      return 0;
    }
    int threshold = policy.escalateAt().getAsInt();
    int count = 0;
    for (Boards.Ranked r : boards.ranked(tx, s)) {
      if (r.question().status().onBoard() && r.votes() >= threshold) {
        count += escalate(tx, s, r.question().id(), threshold) ? 1 : 0;
      }
    }
    return count;
  }

  private boolean escalate(Tx tx, ListeningSession s, QuestionId question, int threshold) {
    if (!tx.escalations().add(s.id(), question, threshold)) {
      return false;
    }
    String text =
        "Escalated: "
            + question
            + " in "
            + s.id()
            + " has reached "
            + threshold
            + " votes, the escalation threshold set for this session. See it with: questions "
            + s.id()
            + " (it is marked in the summary).";
    // The row's creation time says when the n-th vote came, to the minute and no finer.
    Instant now = clock.instant();
    for (UserRef to : organizers(s)) {
      tx.outbox()
          .enqueue(
              OutboxItem.pending(
                  "escalation:" + s.id() + ":" + question + ":" + to,
                  s.id(),
                  Target.direct(to),
                  NoticeKind.MODERATOR_ALERT,
                  payload(text),
                  now,
                  now.truncatedTo(ChronoUnit.MINUTES)));
    }
    return true;
  }

  /** The organizer who scheduled the session; its moderators if that is not known. */
  static List<UserRef> organizers(ListeningSession s) {
    return s.createdBy() != null ? List.of(s.createdBy()) : s.moderators();
  }

  static String payload(String text) {
    try {
      return JSON.writeValueAsString(Map.of("text", text));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an outbox payload", e);
    }
  }
}
