package dev.candor.core.render;

import dev.candor.core.command.Reply;
import dev.candor.core.delivery.Notice;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.question.QuestionsView;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.SummaryView;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders replies and notices as plain text: for the console, and as the fallback text of richer
 * platform messages. User text is printed as is; platforms that interpret markup escape it in their
 * own renderers.
 */
public final class PlainText {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private PlainText() {}

  public static String render(Reply reply) {
    if (reply instanceof Reply.Text t) {
      return t.text();
    } else if (reply instanceof Reply.Error e) {
      return "✗ " + e.text();
    } else if (reply instanceof Reply.Help h) {
      return h.text();
    } else if (reply instanceof Reply.Asked a) {
      return "Asked anonymously as "
          + a.result().id()
          + ": \""
          + a.result().text()
          + "\"\n"
          + a.result().note()
          + "\nOnly you see this id; withdraw "
          + a.result().id()
          + " takes it back."
          + InsightText.similar(a.result().similar());
    } else if (reply instanceof Reply.Scheduled s) {
      return "Scheduled " + session(s.session());
    } else if (reply instanceof Reply.SessionList l) {
      return sessions(l.sessions());
    } else if (reply instanceof Reply.QuestionList q) {
      return questions(q.view());
    } else if (reply instanceof Reply.Summary s) {
      return summary(s.summary());
    } else if (reply instanceof Reply.File f) {
      return "── " + f.file().fileName() + " ──\n" + f.file().content();
    }
    throw new IllegalArgumentException("unknown reply " + reply.getClass());
  }

  public static String render(Notice notice) {
    if (notice instanceof Notice.Reminder r) {
      return reminder(r);
    } else if (notice instanceof Notice.Board b) {
      return board(b.board());
    } else if (notice instanceof Notice.Summary s) {
      return summary(s.summary());
    } else if (notice instanceof Notice.Answered a) {
      return "Answered in "
          + a.session().id()
          + ": "
          + a.question().text()
          + (a.question().answer() == null ? "" : "\n  → " + a.question().answer());
    } else if (notice instanceof Notice.ModeratorAlert m) {
      return "⚠ " + m.session().id() + ": " + m.text();
    }
    throw new IllegalArgumentException("unknown notice " + notice.getClass());
  }

  public static String session(SessionView s) {
    return s.id()
        + " \""
        + s.title()
        + "\" "
        + s.state().label()
        + ", "
        + WHEN.format(s.startsAt().atZone(s.zone()))
        + "–"
        + DateTimeFormatter.ofPattern("HH:mm").format(s.endsAt().atZone(s.zone()))
        + " "
        + s.zone().getId();
  }

  static String sessions(List<SessionView> list) {
    if (list.isEmpty()) {
      return "No sessions yet. Organizers start one with: schedule \"<title>\" <start>";
    }
    StringBuilder sb = new StringBuilder("Sessions:\n");
    for (SessionView s : list) {
      sb.append("  ").append(session(s)).append('\n');
    }
    return sb.toString().stripTrailing();
  }

  public static String board(BoardView b) {
    StringBuilder sb = new StringBuilder();
    sb.append("Board of ")
        .append(b.session().id())
        .append(" \"")
        .append(b.session().title())
        .append("\" (")
        .append(b.session().state().label())
        .append(")\n");
    if (b.entries().isEmpty()) {
      sb.append("  No questions on the board yet.\n");
    }
    for (BoardEntry e : b.entries()) {
      sb.append(entry(e)).append('\n');
    }
    sb.append("  Askers: ")
        .append(b.participation().askers())
        .append(" · voters: ")
        .append(b.participation().voters());
    return sb.toString();
  }

  static String entry(BoardEntry e) {
    String votes = e.votes() < 0 ? "" : String.format("%3d▲ ", e.votes());
    String status = e.status() == QuestionStatus.ANSWERED ? " [answered]" : "";
    String answer = e.answer() == null ? "" : "\n        → " + e.answer();
    return String.format("  %2d. %s%s  %s%s%s", e.rank(), votes, e.id(), e.text(), status, answer);
  }

  static String questions(QuestionsView v) {
    StringBuilder sb = new StringBuilder(board(v.board()));
    if (!v.votedByYou().isEmpty()) {
      sb.append("\n  You voted for: ");
      v.votedByYou().stream()
          .map(Object::toString)
          .sorted()
          .forEach(id -> sb.append(id).append(' '));
    }
    for (Question q : v.yourPending()) {
      sb.append("\n  Yours, waiting for release: ").append(q.id()).append("  ").append(q.text());
    }
    if (!v.moderationQueue().isEmpty()) {
      sb.append("\n  Waiting for approval:");
      for (Question q : v.moderationQueue()) {
        sb.append("\n    ").append(q.id()).append("  ").append(q.text());
      }
    }
    if (!v.waiting().isEmpty()) {
      sb.append("\n  ").append(v.waiting());
    }
    return sb.toString();
  }

  public static String summary(SummaryView s) {
    StringBuilder sb = new StringBuilder();
    sb.append("Summary of ").append(session(s.session())).append('\n');
    sb.append("  Askers: ")
        .append(s.participation().askers())
        .append(" · voters: ")
        .append(s.participation().voters())
        .append(" · votes: ")
        .append(s.participation().votes())
        .append('\n');
    sb.append("  Released: ")
        .append(s.released())
        .append(" · answered: ")
        .append(s.answered())
        .append(" · unanswered: ")
        .append(s.unanswered())
        .append(" · merged: ")
        .append(s.merged())
        .append(" · never released: ")
        .append(
            s.unreleased().suppressed()
                ? "not shown (fewer than " + s.session().minAskers() + " people asked)"
                : s.unreleased().toString())
        .append('\n');
    sb.append("  Top questions:\n");
    if (s.top().isEmpty()) {
      sb.append("    none\n");
    }
    for (BoardEntry e : s.top()) {
      sb.append("  ").append(entry(e)).append('\n');
    }
    sb.append(InsightText.summarySections(s));
    if (!s.hiddenReasons().isEmpty()) {
      sb.append("  Hidden by moderators (").append(s.hiddenReasons().size()).append("):\n");
      for (String r : s.hiddenReasons()) {
        sb.append("    - ").append(r).append('\n');
      }
    }
    return sb.toString().stripTrailing();
  }

  static String reminder(Notice.Reminder r) {
    SessionView s = r.session();
    String head =
        switch (r.kind()) {
          case BEFORE_START ->
              "⏰ \""
                  + s.title()
                  + "\" ("
                  + s.id()
                  + ") starts in "
                  + lead(r.lead())
                  + ". Ask anonymously now: ask "
                  + s.id()
                  + " <your question>";
          case INTAKE_CLOSING ->
              "⏳ Questions for \""
                  + s.title()
                  + "\" ("
                  + s.id()
                  + ") close in "
                  + lead(r.lead())
                  + ".";
          case LIVE_NOW -> "🔴 \"" + s.title() + "\" (" + s.id() + ") is live now.";
          case CLOSED ->
              "✅ \""
                  + s.title()
                  + "\" ("
                  + s.id()
                  + ") is closed. Thank you; the summary went to the moderators.";
        };
    StringBuilder sb = new StringBuilder(head);
    for (BoardEntry e : r.top()) {
      sb.append('\n').append(entry(e));
    }
    return sb.toString();
  }

  /** "1 hour", "10 minutes", "45 seconds". */
  public static String lead(Duration d) {
    long s = d.toSeconds();
    if (s % 86400 == 0 && s > 0) {
      return plural(s / 86400, "day");
    }
    if (s % 3600 == 0 && s > 0) {
      return plural(s / 3600, "hour");
    }
    if (s % 60 == 0 && s > 0) {
      return plural(s / 60, "minute");
    }
    return plural(s, "second");
  }

  private static String plural(long n, String unit) {
    return n + " " + unit + (n == 1 ? "" : "s");
  }
}
