package dev.candor.adapters.slack.render;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.overflowMenu;

import com.slack.api.model.block.LayoutBlock;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Participation.ParticipationView;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the live board of a session as one Block Kit message, edited in place as votes come in: a
 * header, the session line, each released question with its tally, an Upvote and a Remove vote
 * button and the moderators' menu (hide, answered, merge), and a footer. Pure: the same view gives
 * the same blocks. The message is the same for everyone in the channel, so the moderators' menu is
 * shown to all and the core refuses participants who use it.
 */
public final class SlackBoardRenderer {
  /** Header, session context, divider; footer note and ask button. */
  private static final int FRAME = 5;

  private static final int PER_ENTRY = 2;

  private SlackBoardRenderer() {}

  public static SlackMessage render(BoardView board) {
    SessionView s = board.session();
    boolean open = s.state().takesQuestions();
    BlockList blocks = BlockList.forMessage();
    blocks.add(
        header(h -> h.text(plainText(SlackText.plain("📋 " + s.title(), SlackText.HEADER_MAX)))),
        context(List.of(markdownText(SessionLines.line(s) + "\n" + participation(board)))),
        divider());
    if (board.entries().isEmpty()) {
      blocks.add(
          section(
              x ->
                  x.text(
                      markdownText(
                          "No questions on the board yet. They appear once at least "
                              + s.minAskers()
                              + " people have asked, in shuffled batches."))));
    }
    int shown = 0;
    for (BoardEntry e : board.entries()) {
      if (!blocks.add(2, entryBlocks(e, open, false).toArray(LayoutBlock[]::new))) {
        break;
      }
      shown++;
    }
    int hidden = board.entries().size() - shown;
    blocks.note(footer(s, hidden));
    if (open) {
      blocks.add(actions(List.of(askButton(s))));
    }
    return new SlackMessage(SlackText.escape(PlainText.board(board)), blocks.blocks());
  }

  /**
   * One question: its rank, escaped text and tally, the moderators' menu, and (while voting is
   * open) the vote buttons.
   */
  public static List<LayoutBlock> entryBlocks(BoardEntry e, boolean votingOpen, boolean voted) {
    List<LayoutBlock> out = new ArrayList<>(PER_ENTRY);
    String code = e.id().code();
    out.add(
        section(
            x -> {
              x.blockId("q_" + code).text(markdownText(entryText(e, voted)));
              if (votingOpen) {
                x.accessory(moderatorMenu(e));
              }
              return x;
            }));
    if (votingOpen) {
      out.add(
          actions(
              a ->
                  a.blockId("qa_" + code)
                      .elements(
                          List.of(
                              button(
                                  b ->
                                      b.actionId(Ids.Board.UPVOTE)
                                          .text(plainText("▲ Upvote"))
                                          .style("primary")
                                          .value(e.id().toString())),
                              button(
                                  b ->
                                      b.actionId(Ids.Board.UNVOTE)
                                          .text(plainText("Remove vote"))
                                          .value(e.id().toString()))))));
    }
    return out;
  }

  /** The most entries a board message can show with its frame. */
  public static int capacity() {
    return (SlackText.MESSAGE_BLOCKS_MAX - FRAME) / PER_ENTRY;
  }

  static String entryText(BoardEntry e, boolean voted) {
    StringBuilder sb = new StringBuilder();
    sb.append('*').append(e.rank()).append(".* ").append(SlackText.escape(e.text(), 2000));
    sb.append('\n');
    if (e.votes() >= 0) {
      sb.append('*').append(e.votes()).append(e.votes() == 1 ? " vote" : " votes").append("* · ");
    }
    sb.append('`').append(e.id()).append('`');
    if (e.status() == QuestionStatus.ANSWERED) {
      sb.append(" · ✅ answered");
    }
    if (voted) {
      sb.append(" · you voted");
    }
    if (e.answer() != null) {
      sb.append("\n> ").append(SlackText.escape(e.answer(), 800).replace("\n", "\n> "));
    }
    return sb.toString();
  }

  private static com.slack.api.model.block.element.OverflowMenuElement moderatorMenu(BoardEntry e) {
    return overflowMenu(
        o ->
            o.actionId(Ids.Board.MODERATE)
                .options(
                    List.of(
                        option(
                            plainText("Hide (moderators)"),
                            ModeratorChoice.of(ModeratorChoice.HIDE, e.id()).json()),
                        option(
                            plainText("Mark answered (moderators)"),
                            ModeratorChoice.of(ModeratorChoice.ANSWERED, e.id()).json()),
                        option(
                            plainText("Merge into… (moderators)"),
                            ModeratorChoice.of(ModeratorChoice.MERGE, e.id()).json()))));
  }

  /** The "Ask anonymously" button, preselecting the session. */
  public static com.slack.api.model.block.element.ButtonElement askButton(SessionView s) {
    return button(
        b ->
            b.actionId(Ids.Ask.OPEN)
                .text(plainText("Ask anonymously"))
                .style("primary")
                .value(s.id().toString()));
  }

  static String participation(BoardView board) {
    ParticipationView p = board.participation();
    return "Asked by " + p.askers() + " people · " + p.voters() + " voted";
  }

  private static String footer(SessionView s, int hidden) {
    String more =
        hidden > 0
            ? "…and "
                + hidden
                + (hidden == 1 ? " more question" : " more questions")
                + ": `"
                + Ids.COMMAND
                + " questions "
                + s.id()
                + "`\n"
            : "";
    String how =
        s.state().takesQuestions()
            ? "Ask with the button or `" + Ids.COMMAND + " ask " + s.id() + " …`. "
            : "Voting has ended. ";
    return more + how + "Nobody, moderators included, can see who asked or who voted.";
  }
}
