package dev.candor.core.summary;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Escalations;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionPolicy;
import dev.candor.core.session.Sessions;
import dev.candor.core.session.TallyPolicy;
import dev.candor.core.store.Storage;
import java.util.OptionalInt;

/**
 * Setting a session's tally policy and escalation threshold (its moderators and organizers). A
 * changed policy refreshes the channel boards at once, so what participants see follows it.
 */
public final class Policies {
  private final Storage storage;
  private final Sessions sessions;
  private final Boards boards;
  private final Escalations escalations;
  private final Outbox outbox;

  public Policies(
      Storage storage, Sessions sessions, Boards boards, Escalations escalations, Outbox outbox) {
    this.storage = storage;
    this.sessions = sessions;
    this.boards = boards;
    this.escalations = escalations;
    this.outbox = outbox;
  }

  /** The session's policy (the defaults if none was set). */
  public SessionPolicy of(SessionId id) {
    return storage.inTransaction(tx -> tx.policies().find(id));
  }

  /** Sets who sees vote counts while the session runs. */
  public SessionPolicy setTallies(Actor actor, SessionId id, TallyPolicy tallies) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, id);
          sessions.access().requireModerator(actor, s, "change how its tallies are shown");
          requireNotOver(s);
          SessionPolicy policy = tx.policies().find(id).withTallies(tallies);
          tx.policies().save(id, policy);
          outbox.refreshBoard(tx, s);
          return policy;
        });
  }

  /** What setting an escalation threshold did. */
  public record EscalationSet(SessionPolicy policy, int escalatedAtOnce) {}

  /**
   * Sets (or, with an empty {@code at}, removes) the vote count at which the organizer is told
   * about a question; questions already at or above it are escalated at once. The threshold may not
   * be below the session's k: a lower one could tell the organizer when a very small crowd voted.
   */
  public EscalationSet setEscalation(Actor actor, SessionId id, OptionalInt at) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, id);
          sessions.access().requireModerator(actor, s, "set its escalation threshold");
          requireNotOver(s);
          int k = s.settings().minAskers();
          if (at.isPresent() && at.getAsInt() < k) {
            throw CandorException.invalid(
                "An escalation threshold must be at least "
                    + k
                    + " votes (this session's k), so that it never points to a few people.");
          }
          SessionPolicy policy = tx.policies().find(id).withEscalateAt(at);
          tx.policies().save(id, policy);
          return new EscalationSet(policy, escalations.escalateReached(tx, s, boards));
        });
  }

  private static void requireNotOver(ListeningSession s) {
    if (s.state().isOver()) {
      throw CandorException.wrongState(
          s.id() + " is " + s.state().label() + "; its rules can no longer change.");
    }
  }
}
