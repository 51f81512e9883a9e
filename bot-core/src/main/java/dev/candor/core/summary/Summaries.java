package dev.candor.core.summary;

import dev.candor.core.identity.Actor;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionView;
import dev.candor.core.session.Sessions;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The moderator summary: what people asked most, and what moderation did. */
public final class Summaries {
  private final Storage storage;
  private final Sessions sessions;
  private final Boards boards;
  private final Clock clock;
  private final int topN;

  public Summaries(Storage storage, Sessions sessions, Boards boards, Clock clock, int topN) {
    this.storage = storage;
    this.sessions = sessions;
    this.boards = boards;
    this.clock = clock;
    this.topN = topN;
  }

  /** The summary on demand, for the session's moderators and organizers. */
  public SummaryView summary(Actor actor, SessionId id) {
    return storage.inTransaction(
        tx -> {
          ListeningSession s = sessions.get(tx, id);
          sessions.access().requireModerator(actor, s, "see its summary");
          return compose(tx, s);
        });
  }

  /** Composes the summary inside a transaction, e.g. when the outbox delivers it. */
  public SummaryView compose(Tx tx, ListeningSession s) {
    List<BoardEntry> top = new ArrayList<>();
    int released = 0;
    int answered = 0;
    int unanswered = 0;
    int merged = 0;
    List<String> hiddenReasons = new ArrayList<>();
    int rank = 0;
    for (Boards.Ranked r : boards.ranked(tx, s)) {
      Question q = r.question();
      released++;
      switch (q.status()) {
        case ANSWERED -> answered++;
        case PUBLISHED -> unanswered++;
        case MERGED -> merged++;
        case HIDDEN -> hiddenReasons.add(q.hiddenReason() == null ? "no reason given" : q.hiddenReason());
        default -> {}
      }
      if (q.status().onBoard() && top.size() < topN) {
        top.add(
            new BoardEntry(q.id(), q.text(), r.votes(), q.status(), q.answer(), ++rank));
      }
    }
    int unreleased = 0;
    for (Question q : tx.questions().bySession(s.id())) {
      if (q.status() == QuestionStatus.PENDING) {
        unreleased++;
      }
    }
    return new SummaryView(
        SessionView.of(s),
        boards.participation(tx, s).view(s.settings().minAskers()),
        top,
        released,
        answered,
        unanswered,
        hiddenReasons,
        merged,
        boards.participation(tx, s).askers() < s.settings().minAskers()
            ? new Participation.Figure(0, true, s.settings().minAskers())
            : Participation.Figure.of(unreleased, 0),
        clock.instant());
  }
}
