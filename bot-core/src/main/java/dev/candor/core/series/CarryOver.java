package dev.candor.core.series;

import dev.candor.core.CandorException;
import dev.candor.core.delivery.Outbox;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code carry <session>}: copies the unanswered top questions of one occurrence into the next, so
 * what leadership did not get to is asked again. Copies are released at once, with no author and no
 * votes (nothing links them to who asked or voted before), and marked with the session they came
 * from. Carrying twice copies nothing more.
 */
public final class CarryOver {
  private static final Logger log = LoggerFactory.getLogger(CarryOver.class);
  private static final int ID_ATTEMPTS = 20;
  private final Storage storage;
  private final Sessions sessions;
  private final Boards boards;
  private final Outbox outbox;
  private final Clock clock;
  private final int boardSize;

  public CarryOver(
      Storage storage,
      Sessions sessions,
      Boards boards,
      Outbox outbox,
      Clock clock,
      int boardSize) {
    this.storage = storage;
    this.sessions = sessions;
    this.boards = boards;
    this.outbox = outbox;
    this.clock = clock;
    this.boardSize = boardSize;
  }

  /** What a carry did: {@code count} questions copied into {@code to}; 0 if done before. */
  public record Carried(SessionId from, SessionId to, int count) {}

  /** Carries the top unanswered questions of {@code from} into the next occurrence (moderators). */
  public Carried carry(Actor actor, SessionId from) {
    ListeningSession source = sessions.get(from);
    sessions.access().requireModerator(actor, source, "carry its questions over");
    Carried carried =
        storage.inTransaction(
            tx -> {
              Occurrence o = Series.occurrence(tx, from);
              SessionId to =
                  tx.sessions()
                      .series()
                      .after(o.series(), o.number())
                      .map(Occurrence::session)
                      .orElseThrow(() -> noNext(from));
              ListeningSession target = tx.sessions().lock(to).orElseThrow();
              if (!Series.takesQuestions(target)) {
                throw CandorException.wrongState(
                    "The next occurrence "
                        + to
                        + " is "
                        + target.state().label()
                        + "; questions can only be carried into one that takes questions.");
              }
              if (tx.sessions().series().carried(to).containsValue(from)) {
                return new Carried(from, to, 0);
              }
              List<Question> top = unansweredTop(tx, tx.sessions().find(from).orElseThrow());
              copy(tx, target, from, top);
              if (!top.isEmpty()) {
                outbox.refreshBoard(tx, target);
              }
              return new Carried(from, to, top.size());
            });
    log.info(
        "carried {} questions from session {} into session {}",
        carried.count(),
        from,
        carried.to());
    return carried;
  }

  private List<Question> unansweredTop(Tx tx, ListeningSession s) {
    return boards.ranked(tx, s).stream()
        .map(Boards.Ranked::question)
        .filter(q -> q.status() == QuestionStatus.PUBLISHED)
        .limit(boardSize)
        .toList();
  }

  private void copy(Tx tx, ListeningSession target, SessionId from, List<Question> questions) {
    Instant stamp = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    long seq = tx.questions().maxReleaseSeq(target.id());
    for (Question q : questions) {
      QuestionId id = insertWithFreshId(tx, target.id(), q.text(), stamp, ++seq);
      tx.sessions().series().markCarried(id, from);
    }
  }

  private static QuestionId insertWithFreshId(
      Tx tx, SessionId session, String text, Instant stamp, long seq) {
    for (int i = 0; i < ID_ATTEMPTS; i++) {
      Question q =
          new Question(
              QuestionId.random(),
              session,
              text,
              QuestionStatus.PUBLISHED,
              null,
              true,
              null,
              null,
              null,
              stamp,
              seq,
              0);
      if (tx.questions().insert(q)) {
        return q.id();
      }
    }
    throw new IllegalStateException("no free question id after " + ID_ATTEMPTS + " attempts");
  }

  private static CandorException noNext(SessionId from) {
    return CandorException.wrongState(
        "There is no next occurrence after "
            + from
            + " yet: it is made when "
            + from
            + " closes (unless the series was stopped). Carry its questions after the close.");
  }
}
