package dev.candor.core.delivery;

import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.SummaryView;
import java.time.Duration;
import java.util.List;

/**
 * Something Candor tells a channel or a moderator. Adapters render each kind (Block Kit, Adaptive
 * Cards, text); none carries a participant's identity.
 */
public sealed interface Notice {
  SessionView session();

  /** A scheduled reminder; {@code lead} is how long before the moment it announces. */
  record Reminder(SessionView session, ReminderKind kind, Duration lead, List<BoardEntry> top)
      implements Notice {
    public Reminder {
      top = List.copyOf(top);
    }
  }

  /** The live board of released questions, edited in place. */
  record Board(BoardView board) implements Notice {
    @Override
    public SessionView session() {
      return board.session();
    }
  }

  /** The moderator summary, sent privately to each moderator. */
  record Summary(SummaryView summary) implements Notice {
    @Override
    public SessionView session() {
      return summary.session();
    }
  }

  /** A question was answered; posted to the session's channels. */
  record Answered(SessionView session, BoardEntry question) implements Notice {}

  /** A private note to moderators, e.g. that a channel could not be reached. */
  record ModeratorAlert(SessionView session, String text) implements Notice {}
}
