package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.delivery.Notice;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.SummaryView;

/** Renders what Candor tells a channel or a moderator ({@link Notice}) as an Adaptive Card. */
final class TeamsNoticeRenderer {
  private TeamsNoticeRenderer() {}

  static ObjectNode render(Notice notice) {
    if (notice instanceof Notice.Board b) {
      return TeamsBoardRenderer.render(b.board());
    } else if (notice instanceof Notice.Summary s) {
      return summary(s.summary());
    } else if (notice instanceof Notice.Reminder r) {
      return reminder(r);
    } else if (notice instanceof Notice.Answered a) {
      ObjectNode card = Cards.card();
      Cards.body(card).add(Cards.heading("Answered in " + a.session().id()));
      Cards.body(card).add(Cards.text(a.question().text()));
      if (a.question().answer() != null) {
        Cards.body(card).add(Cards.text("Answer: " + a.question().answer()).put("color", "Good"));
      }
      return card;
    } else if (notice instanceof Notice.ModeratorAlert m) {
      ObjectNode card = Cards.card();
      Cards.body(card).add(Cards.heading("Candor · " + m.session().id()).put("color", "Warning"));
      Cards.body(card).add(Cards.text(m.text()));
      return card;
    }
    throw new IllegalArgumentException("unknown notice " + notice.getClass());
  }

  /** A plain-text line for notifications and previews; names no participant. */
  static String summaryLine(Notice notice) {
    SessionView s = notice.session();
    String what =
        notice instanceof Notice.Board
            ? "Board"
            : notice instanceof Notice.Summary
                ? "Summary"
                : notice instanceof Notice.Reminder
                    ? "Reminder"
                    : notice instanceof Notice.Answered ? "Answered" : "Note";
    return what + " · " + s.id() + " · " + s.title();
  }

  static ObjectNode reminder(Notice.Reminder r) {
    SessionView s = r.session();
    String head =
        switch (r.kind()) {
          case BEFORE_START ->
              "\""
                  + s.title()
                  + "\" ("
                  + s.id()
                  + ") starts in "
                  + PlainText.lead(r.lead())
                  + ". Ask your question anonymously now.";
          case INTAKE_CLOSING ->
              "Questions for \""
                  + s.title()
                  + "\" ("
                  + s.id()
                  + ") close in "
                  + PlainText.lead(r.lead())
                  + ".";
          case LIVE_NOW -> "\"" + s.title() + "\" (" + s.id() + ") is live now.";
          case CLOSED ->
              "\""
                  + s.title()
                  + "\" ("
                  + s.id()
                  + ") is closed. Thank you; the summary went to the moderators.";
        };
    ObjectNode card = Cards.card();
    ArrayNode body = Cards.body(card);
    body.add(Cards.heading(head));
    for (BoardEntry e : r.top()) {
      body.add(Cards.subtle("Rank " + e.rank() + votes(e) + " · " + e.id()).put("separator", true));
      body.add(Cards.text(e.text()));
    }
    if (s.state().takesQuestions()) {
      Cards.actions(card).add(TeamsReplyRenderer.askButton(s));
    }
    return card;
  }

  /** The moderator summary: participation (suppressed below k), top questions, moderation. */
  static ObjectNode summary(SummaryView s) {
    ObjectNode card = Cards.card();
    ArrayNode body = Cards.body(card);
    body.add(Cards.heading("Summary · " + s.session().title()));
    body.add(Cards.subtle(PlainText.session(s.session())));
    body.add(
        Cards.text(
            "Askers: "
                + s.participation().askers()
                + " · voters: "
                + s.participation().voters()
                + " · votes: "
                + s.participation().votes()));
    body.add(
        Cards.text(
            "Released: "
                + s.released()
                + " · answered: "
                + s.answered()
                + " · unanswered: "
                + s.unanswered()
                + " · merged: "
                + s.merged()
                + " · never released: "
                + (s.unreleased().suppressed()
                    ? "not shown (fewer than " + s.session().minAskers() + " people asked)"
                    : s.unreleased().toString())));
    body.add(Cards.heading("Top questions").put("size", "Default"));
    if (s.top().isEmpty()) {
      body.add(Cards.text("None."));
    }
    for (BoardEntry e : s.top()) {
      body.add(Cards.subtle("Rank " + e.rank() + votes(e) + " · " + e.id()).put("separator", true));
      body.add(Cards.text(e.text()));
      if (e.answer() != null) {
        body.add(Cards.text("Answer: " + e.answer()).put("color", "Good"));
      }
    }
    if (!s.hiddenReasons().isEmpty()) {
      body.add(
          Cards.heading("Hidden by moderators (" + s.hiddenReasons().size() + ")")
              .put("size", "Default"));
      for (String reason : s.hiddenReasons()) {
        body.add(Cards.text("• " + reason));
      }
    }
    return card;
  }

  private static String votes(BoardEntry e) {
    return e.votes() < 0 ? "" : e.votes() == 1 ? " · 1 vote" : " · " + e.votes() + " votes";
  }
}
