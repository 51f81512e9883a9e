package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.command.Reply;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Exports.ExportFile;

/**
 * Renders a command's {@link Reply} as an Adaptive Card, every piece of text escaped. Which replies
 * may be shown where is decided by the caller; this class only draws them.
 */
final class TeamsReplyRenderer {
  /** Export files are shown inline, cut to keep the message well under Teams' size limit. */
  static final int MAX_FILE_CHARS = 20_000;

  private TeamsReplyRenderer() {}

  static ObjectNode render(Reply reply) {
    if (reply instanceof Reply.QuestionList q) {
      return TeamsBoardRenderer.render(q.view());
    } else if (reply instanceof Reply.Summary s) {
      return TeamsNoticeRenderer.summary(s.summary());
    }
    ObjectNode card = Cards.card();
    ArrayNode body = Cards.body(card);
    if (reply instanceof Reply.Error e) {
      body.add(Cards.error(e.text()));
    } else if (reply instanceof Reply.Text t) {
      body.add(Cards.text(t.text()));
    } else if (reply instanceof Reply.Help h) {
      help(card, h.text());
    } else if (reply instanceof Reply.Asked a) {
      body.add(Cards.heading("Asked anonymously as " + a.result().id()));
      body.add(Cards.text(a.result().text()).put("isSubtle", true));
      body.add(Cards.text(a.result().note()));
      body.add(
          Cards.subtle(
              "Only you see this id; withdraw "
                  + a.result().id()
                  + " takes it back. Next time, the Ask anonymously dialog keeps your question"
                  + " out of the chat history."));
    } else if (reply instanceof Reply.Scheduled s) {
      body.add(Cards.heading("Scheduled " + s.session().id()));
      body.add(Cards.text(PlainText.session(s.session())));
      Cards.actions(card).add(askButton(s.session()));
    } else if (reply instanceof Reply.SessionList l) {
      body.add(Cards.heading("Sessions"));
      if (l.sessions().isEmpty()) {
        body.add(Cards.text("No sessions yet. Organizers start one with: Schedule a session."));
      }
      for (SessionView s : l.sessions()) {
        body.add(Cards.text(PlainText.session(s)).put("separator", true));
      }
    } else if (reply instanceof Reply.File f) {
      file(body, f.file());
    } else {
      body.add(Cards.text(PlainText.render(reply)));
    }
    return card;
  }

  /** The help text, monospaced so its columns line up, with the two dialogs one click away. */
  static ObjectNode help(ObjectNode card, String text) {
    Cards.body(card).add(Cards.monospace(text));
    Cards.actions(card).add(Cards.privately("Ask anonymously", Cards.data(CardIds.ASK)));
    Cards.actions(card).add(Cards.privately("Schedule a session", Cards.data(CardIds.SCHEDULE)));
    return card;
  }

  /** One line, e.g. a refusal, with an optional button. */
  static ObjectNode line(String text, ObjectNode action) {
    ObjectNode card = Cards.card();
    Cards.body(card).add(Cards.text(text));
    if (action != null) {
      Cards.actions(card).add(action);
    }
    return card;
  }

  static ObjectNode askButton(SessionView session) {
    return Cards.privately(
        "Ask anonymously", Cards.data(CardIds.ASK, CardIds.SESSION, session.id().toString()));
  }

  private static void file(ArrayNode body, ExportFile file) {
    body.add(Cards.heading(file.fileName()));
    String content = file.content();
    if (content.length() > MAX_FILE_CHARS) {
      content = content.substring(0, MAX_FILE_CHARS);
      body.add(
          Cards.subtle(
              "Cut to the first "
                  + MAX_FILE_CHARS
                  + " characters to fit a Teams message; the console and Slack give the whole"
                  + " file."));
    }
    body.add(Cards.monospace(content));
  }

  /** A short plain-text summary of the reply for notifications; never a question's text. */
  static String summary(Reply reply) {
    if (reply instanceof Reply.Error) {
      return "Candor could not do that";
    } else if (reply instanceof Reply.Asked) {
      return "Your question was taken";
    }
    return "Candor";
  }
}
