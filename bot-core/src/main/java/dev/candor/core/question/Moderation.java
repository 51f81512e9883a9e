package dev.candor.core.question;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.identity.Actor;
import dev.candor.core.session.Access;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.util.List;
import java.util.Optional;

/** What moderators do to questions: hide, answer, merge, approve. */
public final class Moderation {
  public static final int MAX_ANSWER = 2000;
  public static final int MAX_REASON = 300;
  private final Storage storage;
  private final Sessions sessions;
  private final Access access;
  private final Release release;
  private final Outbox outbox;

  public Moderation(
      Storage storage, Sessions sessions, Access access, Release release, Outbox outbox) {
    this.storage = storage;
    this.sessions = sessions;
    this.access = access;
    this.release = release;
    this.outbox = outbox;
  }

  /** Hides a question from the board; the reason is kept for the summary. */
  public Question hide(Actor actor, QuestionId id, Optional<String> reason) {
    String why =
        reason.map(QuestionText::sanitize).filter(r -> !r.isEmpty()).orElse("no reason given");
    if (why.length() > MAX_REASON) {
      throw CandorException.invalid(
          "A reason may have at most " + MAX_REASON + " characters; shorten it.");
    }
    return storage.inTransaction(
        tx -> {
          Question q = moderatable(tx, actor, id, "hide questions");
          if (q.status() == QuestionStatus.MERGED) {
            throw CandorException.wrongState(id + " was merged; hide " + q.mergedInto() + ".");
          }
          Question hidden = with(q, QuestionStatus.HIDDEN, why, q.answer(), q.mergedInto());
          tx.questions().update(hidden);
          outbox.refreshBoard(tx, session(tx, q));
          return hidden;
        });
  }

  /** Marks a released question answered, with an optional answer posted to the channels. */
  public Question answer(Actor actor, QuestionId id, Optional<String> text) {
    String answer = text.map(QuestionText::sanitize).filter(a -> !a.isEmpty()).orElse(null);
    if (answer != null && answer.length() > MAX_ANSWER) {
      throw CandorException.invalid(
          "An answer may have at most " + MAX_ANSWER + " characters; shorten it.");
    }
    return storage.inTransaction(
        tx -> {
          Question q = moderatable(tx, actor, id, "answer questions");
          if (!q.status().onBoard()) {
            throw CandorException.wrongState(
                id
                    + " is "
                    + q.status().label()
                    + "; only questions on the board can be answered.");
          }
          Question answered = with(q, QuestionStatus.ANSWERED, q.hiddenReason(), answer, null);
          tx.questions().update(answered);
          ListeningSession s = session(tx, q);
          outbox.answered(tx, s, id);
          outbox.refreshBoard(tx, s);
          return answered;
        });
  }

  /** Merges a duplicate into another question: its votes join the original's, once per person. */
  public Question merge(Actor actor, QuestionId duplicate, QuestionId into) {
    return storage.inTransaction(
        tx -> {
          Question target = mergeIn(tx, actor, duplicate, into);
          outbox.refreshBoard(tx, session(tx, target));
          return target;
        });
  }

  /**
   * Merges several duplicates into one question in one transaction (a cluster of near-duplicates):
   * all or none. Votes become the union, one per person.
   */
  public Question mergeAll(Actor actor, List<QuestionId> duplicates, QuestionId into) {
    return storage.inTransaction(
        tx -> {
          Question target = tx.questions().find(into).orElseThrow(() -> Questions.unknown(into));
          for (QuestionId duplicate : duplicates) {
            if (!duplicate.equals(into)) {
              target = mergeIn(tx, actor, duplicate, into);
            }
          }
          outbox.refreshBoard(tx, session(tx, target));
          return target;
        });
  }

  private Question mergeIn(Tx tx, Actor actor, QuestionId duplicate, QuestionId into) {
    if (duplicate.equals(into)) {
      throw CandorException.invalid(
          "A question cannot be merged into itself. Try: merge <duplicate> into <original>");
    }
    Question dup = moderatable(tx, actor, duplicate, "merge questions");
    Question target = tx.questions().find(into).orElseThrow(() -> Questions.unknown(into));
    if (!target.session().equals(dup.session())) {
      throw CandorException.invalid(
          duplicate + " and " + into + " belong to different sessions; they cannot merge.");
    }
    if (!dup.status().onBoard() || !target.status().onBoard()) {
      throw CandorException.wrongState(
          "Only questions on the board can be merged; "
              + (dup.status().onBoard() ? into : duplicate)
              + " is not.");
    }
    tx.votes().mergeInto(duplicate, into);
    tx.questions().update(with(dup, QuestionStatus.MERGED, null, dup.answer(), into));
    return target;
  }

  /** Approves a question held for pre-moderation; it is released with the next batch. */
  public Question approve(Actor actor, QuestionId id) {
    return storage.inTransaction(
        tx -> {
          Question q = moderatable(tx, actor, id, "approve questions");
          if (q.status() != QuestionStatus.PENDING || q.approved()) {
            throw CandorException.wrongState(id + " is not waiting for approval.");
          }
          Question approved =
              new Question(
                  q.id(),
                  q.session(),
                  q.text(),
                  q.status(),
                  q.author(),
                  true,
                  q.hiddenReason(),
                  q.answer(),
                  q.mergedInto(),
                  q.releasedAt(),
                  q.releaseSeq(),
                  q.archivedVotes());
          tx.questions().update(approved);
          ListeningSession s = sessions.lockTakingQuestions(tx, q.session());
          release.releaseIfDue(tx, s);
          return tx.questions().find(id).orElse(approved);
        });
  }

  private Question moderatable(Tx tx, Actor actor, QuestionId id, String action) {
    Question q = tx.questions().find(id).orElseThrow(() -> Questions.unknown(id));
    ListeningSession s = sessions.get(tx, q.session());
    if (!q.isReleased() && !access.canModerate(actor, s)) {
      // A waiting question must look exactly like one that does not exist.
      throw Questions.unknown(id);
    }
    access.requireModerator(actor, s, action);
    if (s.state().isOver() && s.state() != dev.candor.core.session.SessionState.CLOSED) {
      throw CandorException.wrongState(s.id() + " is " + s.state().label() + "; it is read-only.");
    }
    return q;
  }

  private ListeningSession session(Tx tx, Question q) {
    return sessions.get(tx, q.session());
  }

  private static Question with(
      Question q, QuestionStatus status, String reason, String answer, QuestionId mergedInto) {
    return new Question(
        q.id(),
        q.session(),
        q.text(),
        status,
        q.author(),
        q.approved(),
        reason,
        answer,
        mergedInto,
        q.releasedAt(),
        q.releaseSeq(),
        q.archivedVotes());
  }
}
