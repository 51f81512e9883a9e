package dev.candor.adapters.slack.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.candor.adapters.slack.render.BlockList;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.SessionLines;
import dev.candor.adapters.slack.render.SlackBoardRenderer;
import dev.candor.adapters.slack.render.SlackText;
import dev.candor.core.command.HelpText;
import dev.candor.core.question.Question;
import dev.candor.core.session.SessionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The App Home: what Candor is, who sees what, a button to ask, the upcoming and open sessions, and
 * for each session one moderates, its summary button and the questions waiting for approval. Pure.
 */
public final class HomeView {
  /** One session as the viewer sees it. */
  public record HomeSession(SessionView session, boolean moderator, List<Question> queue) {
    public HomeSession {
      queue = List.copyOf(queue);
    }
  }

  private HomeView() {}

  /**
   * @param notice the outcome of the viewer's last click here, e.g. an approval, already escaped
   */
  public static View build(boolean organizer, List<HomeSession> sessions, Optional<String> notice) {
    BlockList blocks = BlockList.forView();
    notice.ifPresent(
        n -> blocks.add(context(List.of(markdownText(SlackText.truncateMrkdwn(n, 3000))))));
    List<BlockElement> buttons = new ArrayList<>();
    buttons.add(
        button(b -> b.actionId(Ids.Ask.OPEN).text(plainText("Ask anonymously")).style("primary")));
    if (organizer) {
      buttons.add(button(b -> b.actionId(Ids.Schedule.OPEN).text(plainText("Schedule a session"))));
    }
    blocks.add(
        header(h -> h.text(plainText("Candor: ask leadership anything, anonymously"))),
        context(List.of(markdownText(SlackText.escape(HelpText.WHO_SEES_WHAT)))),
        actions(buttons),
        divider(),
        header(h -> h.text(plainText("Sessions"))));
    if (sessions.isEmpty()) {
      blocks.add(section(s -> s.text(markdownText("No sessions are planned right now."))));
    }
    for (HomeSession h : sessions) {
      if (!session(blocks, h)) {
        blocks.note("More sessions than fit here: `" + Ids.COMMAND + " sessions` lists them all.");
        break;
      }
    }
    return view(v -> v.type("home").blocks(blocks.blocks()));
  }

  private static boolean session(BlockList blocks, HomeSession h) {
    SessionView s = h.session();
    boolean fits =
        blocks.add(
            1,
            section(
                x -> {
                  x.text(markdownText(SessionLines.line(s)));
                  if (s.state().takesQuestions()) {
                    x.accessory(SlackBoardRenderer.askButton(s));
                  }
                  return x;
                }));
    if (!fits || !h.moderator()) {
      return fits;
    }
    blocks.add(
        1,
        actions(
            List.of(
                button(
                    b ->
                        b.actionId(Ids.Home.SUMMARY)
                            .text(plainText("Send me the summary"))
                            .value(s.id().toString())))));
    if (!h.queue().isEmpty()) {
      blocks.add(
          1,
          context(List.of(markdownText("*Waiting for your approval* (" + h.queue().size() + ")"))));
    }
    for (Question q : h.queue()) {
      boolean added =
          blocks.add(
              1,
              section(
                  x ->
                      x.text(markdownText("`" + q.id() + "` " + SlackText.escape(q.text(), 2900)))
                          .accessory(
                              button(
                                  b ->
                                      b.actionId(Ids.Home.APPROVE)
                                          .text(plainText("Approve"))
                                          .value(q.id().toString())))));
      if (!added) {
        return false;
      }
    }
    return true;
  }
}
