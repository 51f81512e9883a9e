package dev.candor.adapters.slack.board;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import dev.candor.adapters.slack.interaction.Interactions;
import dev.candor.adapters.slack.interaction.ViewValues;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.Modals;
import dev.candor.adapters.slack.render.ModeratorChoice;
import dev.candor.adapters.slack.render.ReplyRenderer;
import dev.candor.adapters.slack.render.StateJson;
import dev.candor.core.CandorException;
import dev.candor.core.command.Command;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.QuestionId;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buttons and menu on the live board (and on private question lists): upvote, remove a vote,
 * and the moderators' hide, answered and merge. Each acknowledges at once and answers the person
 * privately; the board itself is edited by the outbox, coalesced.
 */
public final class BoardActions {
  private final Interactions in;
  private final MergeCandidates candidates;

  public BoardActions(Interactions in) {
    this.in = in;
    this.candidates = new MergeCandidates(in.candor());
  }

  public void register(App app) {
    app.blockAction(Ids.Board.UPVOTE, (req, ctx) -> onVote(req, ctx, true));
    app.blockAction(Ids.Board.UNVOTE, (req, ctx) -> onVote(req, ctx, false));
    app.blockAction(Ids.Board.MODERATE, this::onModerate);
    app.viewSubmission(Ids.Board.MERGE_CALLBACK, this::onMerge);
  }

  Response onVote(BlockActionRequest req, ActionContext ctx, boolean up) {
    BlockActionPayload p = req.getPayload();
    Actor actor = actor(p);
    String value = p.getActions().get(0).getValue();
    in.later(
        up ? "upvote" : "unvote",
        () -> {
          QuestionId id = QuestionId.parse(value);
          Command command = up ? new Command.Vote(id) : new Command.Unvote(id);
          tell(ctx, p, in.run(actor, channel(p), command));
        });
    return ctx.ack();
  }

  Response onModerate(BlockActionRequest req, ActionContext ctx)
      throws IOException, SlackApiException {
    BlockActionPayload p = req.getPayload();
    Actor actor = actor(p);
    BlockActionPayload.Action.SelectedOption option = p.getActions().get(0).getSelectedOption();
    ModeratorChoice choice = ModeratorChoice.parse(option == null ? null : option.getValue());
    QuestionId id = choice.questionId();
    if (ModeratorChoice.MERGE.equals(choice.op())) {
      // The modal must open within three seconds of the click, so before the acknowledgement.
      openMerge(ctx, p, actor, id);
      return ctx.ack();
    }
    Command command =
        ModeratorChoice.HIDE.equals(choice.op())
            ? new Command.Hide(id, Optional.empty())
            : new Command.Answer(id, Optional.empty());
    in.later("moderation", () -> tell(ctx, p, in.run(actor, channel(p), command)));
    return ctx.ack();
  }

  Response onMerge(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    ViewSubmissionPayload p = req.getPayload();
    Actor actor =
        Interactions.actor(p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId());
    MergeModal.State state =
        StateJson.read(p.getView().getPrivateMetadata(), MergeModal.State.class);
    Optional<String> into =
        ViewValues.of(p.getView()).selected(Ids.Board.MERGE_BLOCK, Ids.Board.MERGE_ACTION);
    if (into.isEmpty()) {
      return ctx.ackWithErrors(Map.of(Ids.Board.MERGE_BLOCK, "Choose a question."));
    }
    Reply reply;
    try {
      reply =
          in.run(actor, null, new Command.Merge(state.duplicateId(), QuestionId.parse(into.get())));
    } catch (CandorException e) {
      reply = new Reply.Error(e.getMessage());
    }
    if (reply instanceof Reply.Error e) {
      return ctx.ackWithErrors(Map.of(Ids.Board.MERGE_BLOCK, e.text()));
    }
    return ctx.ackWithUpdate(Modals.info("Merge questions", ReplyRenderer.render(reply).text()));
  }

  private void openMerge(ActionContext ctx, BlockActionPayload p, Actor actor, QuestionId id)
      throws IOException, SlackApiException {
    BoardView board;
    try {
      board = candidates.boardFor(actor, id);
    } catch (CandorException e) {
      in.later("merge", () -> in.tell(ctx, p.getUser().getId(), "✗ " + e.getMessage()));
      return;
    }
    BoardEntry duplicate =
        board.entries().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    List<BoardEntry> others = board.entries().stream().filter(e -> !e.id().equals(id)).toList();
    Interactions.open(ctx.client(), p.getTriggerId(), MergeModal.form(duplicate, others));
  }

  private void tell(ActionContext ctx, BlockActionPayload p, Reply reply)
      throws IOException, SlackApiException {
    in.tell(ctx, p.getUser().getId(), ReplyRenderer.render(reply));
  }

  private static Actor actor(BlockActionPayload p) {
    return Interactions.actor(
        p.getTeam() == null ? null : p.getTeam().getId(), p.getUser().getId());
  }

  private static String channel(BlockActionPayload p) {
    return p.getChannel() == null ? null : p.getChannel().getId();
  }
}
