package dev.candor.core.summary;

import dev.candor.core.identity.Actor;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.Boards;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionPolicy;
import dev.candor.core.session.SessionView;
import dev.candor.core.session.Sessions;
import dev.candor.core.similar.SimilarIndex;
import dev.candor.core.store.Storage;
import dev.candor.core.store.Tx;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The moderator summary: what people asked most, what moderation did, and what to act on. */
public final class Summaries {
  /** How many recurring questions "since last session" lists at most. */
  static final int ASKED_AGAIN = 5;

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
    int released = 0;
    int answered = 0;
    int unanswered = 0;
    int merged = 0;
    List<String> hiddenReasons = new ArrayList<>();
    List<Boards.Ranked> ranked = boards.ranked(tx, s);
    for (Boards.Ranked r : ranked) {
      Question q = r.question();
      released++;
      switch (q.status()) {
        case ANSWERED -> answered++;
        case PUBLISHED -> unanswered++;
        case MERGED -> merged++;
        case HIDDEN ->
            hiddenReasons.add(q.hiddenReason() == null ? "no reason given" : q.hiddenReason());
        default -> {}
      }
    }
    int unreleased = 0;
    for (Question q : tx.questions().bySession(s.id())) {
      if (q.status() == QuestionStatus.PENDING) {
        unreleased++;
      }
    }
    int k = s.settings().minAskers();
    Participation participation = boards.participation(tx, s);
    List<BoardEntry> board = Boards.moderatorEntries(ranked);
    List<BoardEntry> top = board.subList(0, Math.min(topN, board.size()));
    SessionPolicy policy = tx.policies().find(s.id());
    List<ListeningSession> earlier = History.earlier(tx, s);
    List<FollowupView> earlierFollowups = earlierFollowups(tx, s, earlier);
    return new SummaryView(
        SessionView.of(s),
        participation.view(k),
        top,
        released,
        answered,
        unanswered,
        hiddenReasons,
        merged,
        participation.askers() < k
            ? new Participation.Figure(0, true, k)
            : Participation.Figure.of(unreleased, 0),
        clock.instant(),
        policy.tallies(),
        policy.escalateAt(),
        Themes.of(tx, s, board),
        onBoard(board, tx.escalations().bySession(s.id()).keySet()),
        followups(tx, s),
        earlierFollowups,
        onBoard(board, tx.sessions().series().carried(s.id()).keySet()),
        sinceLast(tx, s, board, earlierFollowups));
  }

  private static List<BoardEntry> onBoard(List<BoardEntry> board, Set<QuestionId> ids) {
    return board.stream().filter(e -> ids.contains(e.id())).toList();
  }

  private List<FollowupView> followups(Tx tx, ListeningSession s) {
    List<FollowupView> views = new ArrayList<>();
    for (Followup f : tx.followups().bySession(s.id())) {
      view(tx, f, today(s)).ifPresent(views::add);
    }
    views.sort(Comparator.comparing(FollowupView::done));
    return views;
  }

  /**
   * Follow-ups of earlier sessions that are still open, all of the previous session's, and those of
   * older sessions closed since the previous one started.
   */
  private List<FollowupView> earlierFollowups(
      Tx tx, ListeningSession s, List<ListeningSession> earlier) {
    if (earlier.isEmpty()) {
      return List.of();
    }
    ListeningSession previous = earlier.get(earlier.size() - 1);
    List<FollowupView> views = new ArrayList<>();
    for (Followup f :
        tx.followups().bySessions(earlier.stream().map(ListeningSession::id).toList())) {
      if (!f.done()
          || f.session().equals(previous.id())
          || f.closedAt().isAfter(previous.startsAt())) {
        view(tx, f, today(s)).ifPresent(views::add);
      }
    }
    views.sort(Comparator.comparing(FollowupView::done).reversed());
    return views;
  }

  private static Optional<FollowupView> view(Tx tx, Followup f, LocalDate today) {
    return tx.questions()
        .find(f.question())
        .map(
            q ->
                new FollowupView(
                    f.question(),
                    f.session(),
                    q.text(),
                    q.answer(),
                    f.owner(),
                    f.due(),
                    f.done(),
                    f.overdue(today)));
  }

  private LocalDate today(ListeningSession s) {
    return LocalDate.now(clock.withZone(s.zone()));
  }

  private Optional<SinceLast> sinceLast(
      Tx tx, ListeningSession s, List<BoardEntry> board, List<FollowupView> earlierFollowups) {
    List<ListeningSession> series = History.earlierInSeries(tx, s);
    if (series.isEmpty()) {
      return Optional.empty();
    }
    ListeningSession previous = series.get(series.size() - 1);
    Map<QuestionId, SessionId> carried = tx.sessions().series().carried(s.id());
    List<String> before =
        tx.questions().bySession(previous.id()).stream()
            .filter(Question::isReleased)
            .map(Question::text)
            .toList();
    List<BoardEntry> askedAgain = new ArrayList<>();
    if (!before.isEmpty()) {
      SimilarIndex index = SimilarIndex.of(before);
      for (BoardEntry e : board) {
        if (askedAgain.size() < ASKED_AGAIN
            && !carried.containsKey(e.id())
            && !index.nearest(e.text(), 1).isEmpty()) {
          askedAgain.add(e);
        }
      }
    }
    int closed = (int) earlierFollowups.stream().filter(FollowupView::done).count();
    return Optional.of(
        new SinceLast(
            SessionView.of(previous),
            boards.participation(tx, previous).view(previous.settings().minAskers()),
            askedAgain,
            closed,
            earlierFollowups.size() - closed));
  }
}
