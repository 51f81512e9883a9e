package dev.candor.adapters.slack.render;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;

/** Modals that only tell something: a confirmation, a refusal, an empty state. */
public final class Modals {
  /** A modal's title holds at most 24 characters. */
  public static final int TITLE_MAX = 24;

  private Modals() {}

  /** A modal with one escaped-by-the-caller mrkdwn text and a Close button. */
  public static View info(String title, String mrkdwn, LayoutBlock... more) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s -> s.text(markdownText(SlackText.truncateMrkdwn(mrkdwn, SlackText.SECTION_MAX)))));
    blocks.addAll(List.of(more));
    return view(
        v ->
            v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.plain(title, TITLE_MAX))))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(blocks));
  }
}
