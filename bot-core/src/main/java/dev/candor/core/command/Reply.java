package dev.candor.core.command;

import dev.candor.core.question.AskResult;
import dev.candor.core.question.QuestionsView;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Exports.ExportFile;
import dev.candor.core.summary.SummaryView;
import java.util.List;

/**
 * What a command answers, always privately to the person who typed it. Adapters render each kind;
 * {@link dev.candor.core.render.PlainText} renders all of them as text.
 */
public sealed interface Reply {

  /** A short confirmation or piece of information. */
  record Text(String text) implements Reply {}

  /** A one-line answer to bad input or a refused action; never a stack trace. */
  record Error(String text) implements Reply {}

  /** The help text: commands, and plainly who can see what. */
  record Help(String text) implements Reply {}

  /** A question was taken. */
  record Asked(AskResult result) implements Reply {}

  /** A session was scheduled. */
  record Scheduled(SessionView session) implements Reply {}

  /** The sessions one can take part in. */
  record SessionList(List<SessionView> sessions) implements Reply {
    public SessionList {
      sessions = List.copyOf(sessions);
    }
  }

  /** The board as the asker sees it. */
  record QuestionList(QuestionsView view) implements Reply {}

  /** The moderator summary. */
  record Summary(SummaryView summary) implements Reply {}

  /** An export file for a moderator. */
  record File(ExportFile file) implements Reply {}
}
