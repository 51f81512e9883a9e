package dev.candor.adapters.slack.render;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionsView;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionView;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a command's {@link Reply} as the private (ephemeral) answer to whoever typed it. Pure.
 */
public final class ReplyRenderer {
  private ReplyRenderer() {}

  public static SlackMessage render(Reply reply) {
    BlockList blocks = BlockList.forMessage();
    if (reply instanceof Reply.Text t) {
      blocks.mrkdwn(SlackText.escape(t.text()), 0);
    } else if (reply instanceof Reply.Error e) {
      blocks.mrkdwn("✗ " + SlackText.escape(e.text()), 0);
    } else if (reply instanceof Reply.Help h) {
      code(blocks, h.text());
    } else if (reply instanceof Reply.Asked a) {
      blocks.mrkdwn(
          "🕶️ Asked anonymously as `"
              + a.result().id()
              + "`:\n> "
              + SlackText.escape(a.result().text())
              + "\n"
              + SlackText.escape(a.result().note())
              + "\nOnly you can see this. To take it back: `"
              + Ids.COMMAND
              + " withdraw "
              + a.result().id()
              + "`",
          0);
    } else if (reply instanceof Reply.Scheduled s) {
      blocks.mrkdwn(scheduled(s.session()), 0);
    } else if (reply instanceof Reply.SessionList l) {
      sessions(blocks, l.sessions());
    } else if (reply instanceof Reply.QuestionList q) {
      questions(blocks, q.view());
    } else if (reply instanceof Reply.Summary s) {
      return new SlackMessage(
          SlackText.escape(PlainText.render(reply)), NoticeRenderer.summary(s.summary()));
    } else if (reply instanceof Reply.File f) {
      blocks.mrkdwn("*" + SlackText.escape(f.file().fileName()) + "*", 1);
      code(blocks, f.file().content());
    } else {
      // A kind of reply newer than this renderer: the core's plain text still says it.
      code(blocks, PlainText.render(reply));
    }
    if (blocks.truncated()) {
      blocks.note("This answer was too long for one Slack message and was cut short.");
    }
    return new SlackMessage(SlackText.escape(PlainText.render(reply)), blocks.blocks());
  }

  /** "Scheduled …; the announcement and the live board go to #general." */
  public static String scheduled(SessionView s) {
    return "📅 Scheduled "
        + SessionLines.line(s)
        + "\nQuestions are taken from now on. Reminders and the live board go to "
        + s.audience().stream().map(ReplyRenderer::channel).collect(Collectors.joining(", "))
        + ". Invite Candor to each channel (`/invite @Candor`) so it can post there.";
  }

  static String channel(ChannelRef c) {
    return c.platform() == Platform.SLACK && c.channelId().matches("[A-Z0-9]+")
        ? "<#" + c.channelId() + ">"
        : SlackText.escape(c.toString());
  }

  private static void sessions(BlockList blocks, List<SessionView> sessions) {
    if (sessions.isEmpty()) {
      blocks.mrkdwn("No sessions yet. Organizers can schedule one with `" + Ids.COMMAND + "`.", 0);
    }
    for (SessionView s : sessions) {
      LayoutBlock line =
          section(
              x -> {
                x.text(markdownText(SessionLines.line(s)));
                if (s.state().takesQuestions()) {
                  x.accessory(SlackBoardRenderer.askButton(s));
                }
                return x;
              });
      if (!blocks.add(1, line)) {
        break;
      }
    }
  }

  private static void questions(BlockList blocks, QuestionsView v) {
    SessionView s = v.board().session();
    boolean open = s.state().takesQuestions();
    blocks.mrkdwn(SessionLines.line(s) + "\n" + SlackBoardRenderer.participation(v.board()), 3);
    if (v.board().entries().isEmpty()) {
      blocks.mrkdwn("No questions on the board yet.", 3);
    }
    for (BoardEntry e : v.board().entries()) {
      boolean voted = v.votedByYou().contains(e.id());
      if (!blocks.add(
          3, SlackBoardRenderer.entryBlocks(e, open, voted).toArray(LayoutBlock[]::new))) {
        break;
      }
    }
    StringBuilder extra = new StringBuilder();
    for (Question q : v.yourPending()) {
      extra
          .append("\n• Yours, waiting for release: `")
          .append(q.id())
          .append("` ")
          .append(SlackText.escape(q.text(), 300));
    }
    if (!v.moderationQueue().isEmpty()) {
      extra.append("\n*Waiting for approval* (`").append(Ids.COMMAND).append(" approve <id>`):");
      for (Question q : v.moderationQueue()) {
        extra.append("\n• `").append(q.id()).append("` ").append(SlackText.escape(q.text(), 300));
      }
    }
    if (!v.waiting().isEmpty()) {
      extra.append("\n_").append(SlackText.escape(v.waiting())).append('_');
    }
    if (extra.length() > 0) {
      blocks.mrkdwn(extra.toString().strip(), 1);
    }
  }

  /** Text in code blocks, split to fit sections. */
  private static void code(BlockList blocks, String text) {
    for (String part : BlockList.split(SlackText.escape(text), SlackText.SECTION_MAX - 8)) {
      if (!blocks.add(1, section(x -> x.text(markdownText("```" + part + "```"))))) {
        break;
      }
    }
  }
}
