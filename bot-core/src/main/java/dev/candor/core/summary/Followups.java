package dev.candor.core.summary;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.question.QuestionText;
import dev.candor.core.question.Questions;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Follow-ups: for a question on the board, who will act on it and by when, then that it was done.
 * Moderators record them during or long after the session (archived sessions included: a follow-up
 * names leadership, never a participant). The summary lists the open ones, and the next session's
 * summary the ones closed since.
 */
public final class Followups {
  private final Storage storage;
  private final Sessions sessions;
  private final Clock clock;

  public Followups(Storage storage, Sessions sessions, Clock clock) {
    this.storage = storage;
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * Records or changes the owner and due date of a question's follow-up (at least one of them),
   * opening it again if it was done.
   */
  public Followup assign(
      Actor actor, QuestionId id, Optional<String> owner, Optional<LocalDate> due) {
    Optional<String> named = owner.map(QuestionText::sanitize).filter(o -> !o.isEmpty());
    if (named.isEmpty() && due.isEmpty()) {
      throw CandorException.invalid(
          "Say who owns it, when it is due, or both. Try: followup "
              + id
              + " owner Finance team due 2026-06-30");
    }
    if (named.isPresent() && named.get().length() > Followup.MAX_OWNER) {
      throw CandorException.invalid(
          "An owner may have at most " + Followup.MAX_OWNER + " characters; shorten it.");
    }
    return storage.inTransaction(
        tx -> {
          Question q = followable(tx, actor, id);
          ListeningSession s = sessions.get(tx, q.session());
          if (due.isPresent() && due.get().isBefore(LocalDate.now(clock.withZone(s.zone())))) {
            throw CandorException.invalid(
                "The due date " + due.get() + " is in the past. Give a date from today on.");
          }
          Optional<Followup> before = tx.followups().find(id);
          Followup f =
              new Followup(
                  id,
                  q.session(),
                  named.orElse(before.map(Followup::owner).orElse(null)),
                  due.orElse(before.map(Followup::due).orElse(null)),
                  false,
                  null);
          tx.followups().save(f);
          return f;
        });
  }

  /** Marks a question's follow-up done. */
  public Followup close(Actor actor, QuestionId id) {
    return storage.inTransaction(
        tx -> {
          followable(tx, actor, id);
          Followup open =
              tx.followups()
                  .find(id)
                  .orElseThrow(
                      () ->
                          CandorException.notFound(
                              id
                                  + " has no follow-up yet. Try: followup "
                                  + id
                                  + " owner <name> due <date>"));
          if (open.done()) {
            return open;
          }
          Followup done =
              new Followup(
                  open.question(), open.session(), open.owner(), open.due(), true, clock.instant());
          tx.followups().save(done);
          return done;
        });
  }

  private Question followable(Tx tx, Actor actor, QuestionId id) {
    Question q = Questions.released(tx, id);
    ListeningSession s = sessions.get(tx, q.session());
    sessions.access().requireModerator(actor, s, "record follow-ups");
    if (s.state() == SessionState.CANCELLED) {
      throw CandorException.wrongState(s.id() + " was cancelled; it has no follow-ups.");
    }
    if (q.status() == QuestionStatus.MERGED) {
      throw CandorException.wrongState(
          id + " was merged into " + q.mergedInto() + "; record the follow-up there.");
    }
    if (q.status() == QuestionStatus.HIDDEN) {
      throw CandorException.wrongState(id + " was hidden; only questions on the board get one.");
    }
    return q;
  }
}
