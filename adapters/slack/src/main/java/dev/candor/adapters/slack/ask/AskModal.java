package dev.candor.adapters.slack.ask;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.Modals;
import dev.candor.adapters.slack.render.SlackText;
import dev.candor.core.command.HelpText;
import dev.candor.core.question.AskResult;
import dev.candor.core.question.QuestionText;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionView;
import java.util.List;
import java.util.Optional;

/**
 * The "Ask anonymously" modal: a session picker (sessions taking questions), the question, and a
 * plain statement of who can see what. Pure.
 */
public final class AskModal {
  /** A static select holds at most 100 options. */
  static final int MAX_SESSIONS = 100;

  private AskModal() {}

  /** The form; {@code preselected} is chosen in the picker when it is among {@code sessions}. */
  public static View form(List<SessionView> sessions, Optional<SessionId> preselected) {
    List<OptionObject> options =
        sessions.stream().limit(MAX_SESSIONS).map(AskModal::sessionOption).toList();
    Optional<OptionObject> initial =
        preselected.flatMap(
            id ->
                sessions.stream()
                    .filter(s -> s.id().equals(id))
                    .findFirst()
                    .map(AskModal::sessionOption));
    return view(
        v ->
            v.type("modal")
                .callbackId(Ids.Ask.CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("Ask anonymously")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Ask")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        input(
                            i ->
                                i.blockId(Ids.Ask.SESSION_BLOCK)
                                    .label(plainText("Session"))
                                    .element(
                                        staticSelect(
                                            s -> {
                                              s.actionId(Ids.Ask.SESSION_ACTION)
                                                  .placeholder(plainText("Choose a session"))
                                                  .options(options);
                                              initial.ifPresent(s::initialOption);
                                              return s;
                                            }))),
                        input(
                            i ->
                                i.blockId(Ids.Ask.TEXT_BLOCK)
                                    .label(plainText("Your question"))
                                    .hint(
                                        plainText(
                                            "Colleagues can upvote it once it is released. Do not"
                                                + " include details that identify you."))
                                    .element(
                                        plainTextInput(
                                            p ->
                                                p.actionId(Ids.Ask.TEXT_ACTION)
                                                    .multiline(true)
                                                    .minLength(QuestionText.MIN)
                                                    .maxLength(QuestionText.MAX)))),
                        whoSeesWhat())));
  }

  /** Shown instead of the form when no session takes questions. */
  public static View noSession() {
    return info(
        "No session is taking questions right now. Sessions are announced in their channels; `"
            + Ids.COMMAND
            + " sessions` lists them.");
  }

  /** What the asker sees after asking: the id only they know, and what happens next. */
  public static View asked(AskResult result) {
    return info(
        "🕶️ Asked anonymously as `"
            + result.id()
            + "`:\n> "
            + SlackText.escape(result.text())
            + "\n\n"
            + SlackText.escape(result.note())
            + "\n\nOnly you can see this id. To take the question back: `"
            + Ids.COMMAND
            + " withdraw "
            + result.id()
            + "`");
  }

  static View info(String mrkdwn) {
    return Modals.info("Ask anonymously", mrkdwn, whoSeesWhat());
  }

  static LayoutBlock whoSeesWhat() {
    return context(List.of(markdownText(SlackText.escape(HelpText.WHO_SEES_WHAT))));
  }

  private static OptionObject sessionOption(SessionView s) {
    return option(
        plainText(SlackText.plain(s.id() + " · " + s.title(), SlackText.OPTION_MAX)),
        s.id().toString());
  }
}
