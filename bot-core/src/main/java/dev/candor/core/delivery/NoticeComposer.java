package dev.candor.core.delivery;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Boards;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import dev.candor.core.store.Tx;
import dev.candor.core.summary.Summaries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an outbox row back into the {@link Notice} to deliver, from the state at delivery time: a
 * coalesced board shows the latest tallies, never a stale snapshot.
 */
public final class NoticeComposer {
  private static final Logger log = LoggerFactory.getLogger(NoticeComposer.class);
  private final Boards boards;
  private final Summaries summaries;
  private final int boardSize;
  private final Clock clock;

  /** A composer that delivers reminders whatever their age. */
  public NoticeComposer(Boards boards, Summaries summaries, int boardSize) {
    this(boards, summaries, boardSize, null);
  }

  /**
   * A composer that drops reminders gone stale while they waited (e.g. through downtime or long
   * retries): "starts in 10 minutes" after the start, "live now" after the close.
   */
  public NoticeComposer(Boards boards, Summaries summaries, int boardSize, Clock clock) {
    this.boards = boards;
    this.summaries = summaries;
    this.boardSize = boardSize;
    this.clock = clock;
  }

  /** The notice for the item, or empty if it no longer makes sense (its session is gone). */
  public Optional<Notice> compose(Tx tx, OutboxItem item) {
    Optional<ListeningSession> found = tx.sessions().find(item.session());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ListeningSession s = found.get();
    Map<String, Object> p = Outbox.read(item.payload());
    return Optional.ofNullable(
        switch (item.kind()) {
          case REMINDER -> {
            ReminderKind kind = ReminderKind.valueOf((String) p.get("reminder"));
            if (stale(s, kind)) {
              log.info("dropped stale {} reminder of session {} at delivery", kind, s.id());
              yield null;
            }
            Duration lead = Duration.ofSeconds(((Number) p.get("leadSeconds")).longValue());
            List<BoardEntry> top =
                kind == ReminderKind.LIVE_NOW || kind == ReminderKind.INTAKE_CLOSING
                    ? boards.board(tx, s).top(3)
                    : List.of();
            yield new Notice.Reminder(SessionView.of(s), kind, lead, top);
          }
          case BOARD -> {
            BoardView full = boards.board(tx, s);
            yield new Notice.Board(
                new BoardView(
                    full.session(), full.top(boardSize), full.participation(), full.asOf()));
          }
          case SUMMARY -> new Notice.Summary(summaries.compose(tx, s));
          case ANSWERED -> {
            QuestionId id = new QuestionId((String) p.get("question"));
            BoardEntry entry =
                boards.board(tx, s).entries().stream()
                    .filter(e -> e.id().equals(id))
                    .findFirst()
                    .orElse(null);
            if (entry == null) {
              yield null;
            }
            yield new Notice.Answered(SessionView.of(s), entry);
          }
          case MODERATOR_ALERT ->
              new Notice.ModeratorAlert(SessionView.of(s), (String) p.get("text"));
        });
  }

  private boolean stale(ListeningSession s, ReminderKind kind) {
    if (clock == null) {
      return false;
    }
    Instant now = clock.instant();
    return switch (kind) {
      case BEFORE_START -> s.state() != SessionState.SCHEDULED || !now.isBefore(s.startsAt());
      case INTAKE_CLOSING -> !s.state().takesQuestions() || !now.isBefore(s.endsAt());
      case LIVE_NOW -> s.state() != SessionState.OPEN;
      case CLOSED -> false;
    };
  }
}
