package dev.candor.adapters.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import dev.candor.core.delivery.Notice;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.SummaryView;
import java.util.List;

/**
 * Renders what the outbox delivers (reminders, the live board, summaries, answers, alerts to
 * moderators) as Block Kit. Pure. The fallback text is the core's plain text, escaped.
 */
public final class NoticeRenderer {
  private NoticeRenderer() {}

  public static SlackMessage render(Notice notice) {
    if (notice instanceof Notice.Board b) {
      return SlackBoardRenderer.render(b.board());
    }
    List<LayoutBlock> blocks;
    if (notice instanceof Notice.Reminder r) {
      blocks = reminder(r);
    } else if (notice instanceof Notice.Summary s) {
      blocks = summary(s.summary());
    } else if (notice instanceof Notice.Answered a) {
      blocks = answered(a);
    } else if (notice instanceof Notice.ModeratorAlert m) {
      blocks =
          BlockList.forMessage()
              .mrkdwn(
                  "⚠️ " + SessionLines.name(m.session()) + ": " + SlackText.escape(m.text(), 2500),
                  0)
              .blocks();
    } else {
      // A kind of notice newer than this renderer: the core's plain text still says it.
      blocks =
          BlockList.forMessage().mrkdwn(SlackText.escape(PlainText.render(notice)), 0).blocks();
    }
    return new SlackMessage(SlackText.escape(PlainText.render(notice)), blocks);
  }

  static List<LayoutBlock> reminder(Notice.Reminder r) {
    SessionView s = r.session();
    String head =
        switch (r.kind()) {
          case BEFORE_START ->
              "⏰ "
                  + SessionLines.name(s)
                  + " starts "
                  + SlackText.date(s.startsAt(), s.zone())
                  + " (in "
                  + PlainText.lead(r.lead())
                  + "). Ask your question anonymously now.";
          case INTAKE_CLOSING ->
              "⏳ Questions for "
                  + SessionLines.name(s)
                  + " close in "
                  + PlainText.lead(r.lead())
                  + ".";
          case LIVE_NOW -> "🔴 " + SessionLines.name(s) + " is live now.";
          case CLOSED ->
              "✅ "
                  + SessionLines.name(s)
                  + " is closed. Thank you; the summary went to the moderators.";
        };
    BlockList blocks = BlockList.forMessage().mrkdwn(head, 1);
    boolean open = s.state().takesQuestions();
    for (BoardEntry e : r.top()) {
      blocks.add(1, SlackBoardRenderer.entryBlocks(e, open, false).toArray(LayoutBlock[]::new));
    }
    if (open) {
      blocks.add(actions(List.of(SlackBoardRenderer.askButton(s))));
    }
    return blocks.blocks();
  }

  /** The moderator summary: participation, top questions, what moderation did. */
  public static List<LayoutBlock> summary(SummaryView v) {
    BlockList blocks = BlockList.forMessage();
    blocks.add(
        header(
            h ->
                h.text(
                    plainText(
                        SlackText.plain("Summary: " + v.session().title(), SlackText.HEADER_MAX)))),
        section(
            x ->
                x.text(
                    markdownText(
                        SessionLines.line(v.session())
                            + "\nAsked by "
                            + v.participation().askers()
                            + " people · "
                            + v.participation().voters()
                            + " voted · "
                            + v.participation().votes()
                            + " votes"
                            + "\nReleased "
                            + v.released()
                            + " · answered "
                            + v.answered()
                            + " · unanswered "
                            + v.unanswered()
                            + " · merged "
                            + v.merged()
                            + " · never released "
                            + (v.unreleased().suppressed()
                                ? "not shown (fewer than " + v.session().minAskers() + " asked)"
                                : v.unreleased().toString())))));
    blocks.add(section(x -> x.text(markdownText("*Top questions*"))));
    if (v.top().isEmpty()) {
      blocks.add(section(x -> x.text(markdownText("None were released."))));
    }
    for (BoardEntry e : v.top()) {
      blocks.add(2, section(x -> x.text(markdownText(SlackBoardRenderer.entryText(e, false)))));
    }
    if (!v.hiddenReasons().isEmpty()) {
      StringBuilder sb =
          new StringBuilder("*Hidden by moderators (" + v.hiddenReasons().size() + ")*");
      for (String reason : v.hiddenReasons()) {
        sb.append("\n• ").append(SlackText.escape(reason, 300));
      }
      blocks.mrkdwn(sb.toString(), 1);
    }
    if (blocks.truncated()) {
      blocks.note(
          "Some of the summary did not fit; `"
              + Ids.COMMAND
              + " export "
              + v.session().id()
              + " md` has all of it.");
    }
    return blocks.blocks();
  }

  static List<LayoutBlock> answered(Notice.Answered a) {
    BoardEntry e = a.question();
    String text =
        "✅ Answered in "
            + SessionLines.name(a.session())
            + ":\n> "
            + SlackText.escape(e.text(), 1500)
            + (e.answer() == null ? "" : "\n" + SlackText.escape(e.answer(), 1400));
    return BlockList.forMessage().mrkdwn(text, 0).blocks();
  }
}
