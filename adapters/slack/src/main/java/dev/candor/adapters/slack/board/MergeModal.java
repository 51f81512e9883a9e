package dev.candor.adapters.slack.board;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.Modals;
import dev.candor.adapters.slack.render.SlackText;
import dev.candor.adapters.slack.render.StateJson;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import java.util.List;

/** The moderator's "merge into…" modal: pick the question a duplicate joins. Pure. */
final class MergeModal {
  /** What the modal is about, carried in its private_metadata. */
  record State(String duplicate) {
    QuestionId duplicateId() {
      return new QuestionId(duplicate);
    }
  }

  private MergeModal() {}

  static View form(BoardEntry duplicate, List<BoardEntry> others) {
    if (others.isEmpty()) {
      return Modals.info(
          "Merge questions",
          "There is no other question on the board to merge `" + duplicate.id() + "` into.");
    }
    List<OptionObject> options = others.stream().limit(100).map(MergeModal::entryOption).toList();
    return view(
        v ->
            v.type("modal")
                .callbackId(Ids.Board.MERGE_CALLBACK)
                .privateMetadata(StateJson.write(new State(duplicate.id().code())))
                .title(viewTitle(t -> t.type("plain_text").text("Merge questions")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Merge")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        section(
                            s ->
                                s.text(
                                    markdownText(
                                        "Merge `"
                                            + duplicate.id()
                                            + "` into another question; their votes are combined,"
                                            + " once per person.\n> "
                                            + SlackText.escape(duplicate.text(), 2500)))),
                        input(
                            i ->
                                i.blockId(Ids.Board.MERGE_BLOCK)
                                    .label(plainText("Merge into"))
                                    .element(
                                        staticSelect(
                                            s ->
                                                s.actionId(Ids.Board.MERGE_ACTION)
                                                    .options(options)))))));
  }

  private static OptionObject entryOption(BoardEntry e) {
    return option(
        plainText(SlackText.plain(e.id() + " · " + e.text(), SlackText.OPTION_MAX)), e.id().code());
  }
}
