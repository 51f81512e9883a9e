package dev.candor.core.vote;

import dev.candor.core.CandorException;
import dev.candor.core.Counters;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Pseudonym;
import dev.candor.core.identity.SessionKeys;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.question.Questions;
import dev.candor.core.question.VoteListener;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.util.List;

/** Upvotes: one per person per question, withdrawable while the session takes part. */
public final class Votes {
  private final Storage storage;
  private final Sessions sessions;
  private final SessionKeys keys;
  private final Outbox outbox;
  private final List<VoteListener> listeners;
  private final Counters counters;

  public Votes(Storage storage, Sessions sessions, SessionKeys keys, Outbox outbox) {
    this(storage, sessions, keys, outbox, List.of(), new Counters());
  }

  /**
   * Votes that also tell {@code listeners} of each new vote (escalation, anomaly alerts) and count
   * it in {@code counters}.
   */
  public Votes(
      Storage storage,
      Sessions sessions,
      SessionKeys keys,
      Outbox outbox,
      List<VoteListener> listeners,
      Counters counters) {
    this.storage = storage;
    this.sessions = sessions;
    this.keys = keys;
    this.outbox = outbox;
    this.listeners = List.copyOf(listeners);
    this.counters = counters;
  }

  /**
   * The outcome of a vote or an unvote: the question and its tally afterwards, or -1 where the
   * session's tally policy hides counts from the voter.
   */
  public record Tally(QuestionId question, int votes) {}

  public Tally vote(Actor actor, QuestionId id) {
    Tally result =
        storage.inTransaction(
            tx -> {
              ListeningSession s = votable(tx, id);
              Pseudonym me = keys.pseudonym(tx, s.id(), actor);
              if (!tx.votes().add(s.id(), id, me)) {
                throw CandorException.wrongState("You have already voted for " + id + ".");
              }
              outbox.refreshBoard(tx, s);
              int tally = tx.votes().tally(id);
              for (VoteListener listener : listeners) {
                listener.voted(tx, s, id, tally);
              }
              return new Tally(id, shown(tx, actor, s, tally));
            });
    counters.recordVote(actor.platform());
    return result;
  }

  public Tally unvote(Actor actor, QuestionId id) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = votable(tx, id);
          Pseudonym me = keys.pseudonym(tx, s.id(), actor);
          if (!tx.votes().remove(id, me)) {
            throw CandorException.wrongState("You have not voted for " + id + ".");
          }
          outbox.refreshBoard(tx, s);
          return new Tally(id, shown(tx, actor, s, tx.votes().tally(id)));
        });
  }

  private int shown(Tx tx, Actor actor, ListeningSession s, int tally) {
    boolean visible =
        tx.policies().find(s.id()).tallies().countsVisible(s.state())
            || sessions.access().canModerate(actor, s);
    return visible ? tally : -1;
  }

  /** Checks that the question takes votes and returns its session, read once per vote. */
  private ListeningSession votable(Tx tx, QuestionId id) {
    Question q = Questions.released(tx, id);
    ListeningSession s = sessions.get(tx, q.session());
    if (!s.state().takesQuestions()) {
      throw CandorException.wrongState(s.id() + " is " + s.state().label() + "; voting has ended.");
    }
    if (q.status() == QuestionStatus.MERGED) {
      throw CandorException.wrongState(
          id + " was merged into " + q.mergedInto() + "; vote for that one.");
    }
    if (q.status() == QuestionStatus.HIDDEN) {
      throw CandorException.wrongState(id + " was hidden by a moderator.");
    }
    return s;
  }
}
