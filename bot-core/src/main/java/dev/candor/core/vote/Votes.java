package dev.candor.core.vote;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Pseudonym;
import dev.candor.core.identity.SessionKeys;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;

/** Upvotes: one per person per question, withdrawable while the session takes part. */
public final class Votes {
  private final Storage storage;
  private final Sessions sessions;
  private final SessionKeys keys;
  private final Outbox outbox;

  public Votes(Storage storage, Sessions sessions, SessionKeys keys, Outbox outbox) {
    this.storage = storage;
    this.sessions = sessions;
    this.keys = keys;
    this.outbox = outbox;
  }

  /** The outcome of a vote or an unvote: the question and its tally afterwards. */
  public record Tally(QuestionId question, int votes) {}

  public Tally vote(Actor actor, QuestionId id) {
    return storage.inTransaction(
        tx -> {
          Question q = votable(tx, id);
          ListeningSession s = sessions.get(tx, q.session());
          Pseudonym me = keys.pseudonym(tx, s.id(), actor);
          if (!tx.votes().add(s.id(), id, me)) {
            throw CandorException.wrongState("You have already voted for " + id + ".");
          }
          outbox.refreshBoard(tx, s);
          return new Tally(id, tx.votes().tally(id));
        });
  }

  public Tally unvote(Actor actor, QuestionId id) {
    return storage.inTransaction(
        tx -> {
          Question q = votable(tx, id);
          ListeningSession s = sessions.get(tx, q.session());
          Pseudonym me = keys.pseudonym(tx, s.id(), actor);
          if (!tx.votes().remove(id, me)) {
            throw CandorException.wrongState("You have not voted for " + id + ".");
          }
          outbox.refreshBoard(tx, s);
          return new Tally(id, tx.votes().tally(id));
        });
  }

  private Question votable(Tx tx, QuestionId id) {
    // A question still waiting for release must look exactly like one that does not exist.
    Question q =
        tx.questions()
            .find(id)
            .filter(Question::isReleased)
            .orElseThrow(
                () -> CandorException.notFound("There is no question " + id + ". See: questions"));
    ListeningSession s = sessions.get(tx, q.session());
    if (!s.state().takesQuestions()) {
      throw CandorException.wrongState(
          s.id() + " is " + s.state().label() + "; voting has ended.");
    }
    if (q.status() == QuestionStatus.MERGED) {
      throw CandorException.wrongState(
          id + " was merged into " + q.mergedInto() + "; vote for that one.");
    }
    if (q.status() == QuestionStatus.HIDDEN) {
      throw CandorException.wrongState(id + " was hidden by a moderator.");
    }
    return q;
  }
}
