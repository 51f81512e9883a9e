package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.question.QuestionsView;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Renders a session's board as an Adaptive Card: the released questions with their tallies, an
 * upvote and a remove-vote button per question, and the moderator actions (hide, mark answered,
 * merge) behind a "Moderate" toggle. Every button answers privately ({@link Cards#privately}), so
 * who voted never shows in the channel. Pure: the same view gives the same JSON.
 *
 * <p>A card stays under {@link #MAX_BYTES}: questions are dropped from the bottom, with a note,
 * until it fits.
 */
final class TeamsBoardRenderer {
  /** Teams refuses messages over about 100 KB (counted in UTF-16) and advises 80 KB at most. */
  static final int MAX_BYTES = 80_000;

  private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("HH:mm");

  private TeamsBoardRenderer() {}

  /** The public board, as posted in a channel and edited in place. */
  static ObjectNode render(BoardView board) {
    return render(board, MAX_BYTES);
  }

  static ObjectNode render(BoardView board, int maxBytes) {
    return fit(board.entries(), maxBytes, shown -> card(board, shown, Set.of(), null));
  }

  /** The board as one person sees it privately (1:1 chat): their votes and waiting questions. */
  static ObjectNode render(QuestionsView view) {
    BoardView board = view.board();
    return fit(board.entries(), MAX_BYTES, shown -> card(board, shown, view.votedByYou(), view));
  }

  private interface Builder {
    ObjectNode build(List<BoardEntry> shown);
  }

  private static ObjectNode fit(List<BoardEntry> entries, int maxBytes, Builder builder) {
    int n = entries.size();
    ObjectNode card = builder.build(entries);
    while (Cards.bytes(card) > maxBytes && n > 0) {
      n--;
      card = builder.build(entries.subList(0, n));
      Cards.body(card)
          .add(
              Cards.subtle(
                  "Showing the top "
                      + n
                      + " of "
                      + entries.size()
                      + " questions; the rest do not fit on one card. Message me: questions"));
    }
    return card;
  }

  private static ObjectNode card(
      BoardView board, List<BoardEntry> shown, Set<QuestionId> voted, QuestionsView personal) {
    SessionView s = board.session();
    ObjectNode card = Cards.card();
    ArrayNode body = Cards.body(card);
    body.add(Cards.heading("Questions · " + s.title()));
    body.add(Cards.subtle(s.id() + " · " + s.state().label() + " · " + onBoard(board)));
    boolean open = s.state().takesQuestions();
    if (open) {
      body.add(
          Cards.actionSet(
              Cards.privately(
                  "Ask anonymously", Cards.data(CardIds.ASK, CardIds.SESSION, s.id().toString()))));
    }
    if (board.entries().isEmpty()) {
      body.add(Cards.text("No questions on the board yet."));
    }
    for (BoardEntry e : shown) {
      body.add(entry(e, voted.contains(e.id()), open, moderatable(s.state())));
    }
    if (personal != null) {
      addPersonal(body, personal);
    }
    body.add(
        Cards.subtle(
                "Askers: "
                    + board.participation().askers()
                    + " · voters: "
                    + board.participation().voters()
                    + " · as of "
                    + AS_OF.format(board.asOf().atZone(s.zone()))
                    + " "
                    + s.zone().getId())
            .put("separator", true));
    body.add(
        Cards.subtle(
            "Votes are private: only you see that you voted. Moderator buttons work for the"
                + " session's moderators only."));
    return card;
  }

  private static ObjectNode entry(
      BoardEntry e, boolean votedByYou, boolean open, boolean moderate) {
    StringBuilder line = new StringBuilder("Rank ").append(e.rank());
    if (e.votes() >= 0) {
      line.append(" · ").append(e.votes() == 1 ? "1 vote" : e.votes() + " votes");
    }
    line.append(" · ").append(e.id());
    if (e.status() == QuestionStatus.ANSWERED) {
      line.append(" · answered");
    }
    if (votedByYou) {
      line.append(" · you voted");
    }
    ObjectNode container = Cards.container(Cards.subtle(line.toString()), Cards.text(e.text()));
    container.put("separator", true);
    ArrayNode items = (ArrayNode) container.get("items");
    if (e.answer() != null) {
      items.add(Cards.text("Answer: " + e.answer()).put("color", "Good"));
    }
    String id = e.id().toString();
    ObjectNode actions = Cards.actionSet();
    ArrayNode list = (ArrayNode) actions.get("actions");
    if (open) {
      list.add(Cards.privately("▲ Upvote", Cards.data(CardIds.VOTE, CardIds.QUESTION, id)));
      list.add(Cards.privately("Remove vote", Cards.data(CardIds.UNVOTE, CardIds.QUESTION, id)));
    }
    if (moderate) {
      list.add(Cards.showCard("Moderate", moderation(id)));
    }
    if (!list.isEmpty()) {
      items.add(actions);
    }
    return container;
  }

  private static ObjectNode moderation(String id) {
    ObjectNode card = Cards.nested();
    Cards.body(card).add(Cards.subtle("For moderators of this session."));
    Cards.actions(card)
        .add(Cards.privately("Hide", Cards.data(CardIds.HIDE, CardIds.QUESTION, id)));
    Cards.actions(card)
        .add(Cards.privately("Mark answered", Cards.data(CardIds.ANSWER, CardIds.QUESTION, id)));
    Cards.actions(card)
        .add(Cards.privately("Merge into…", Cards.data(CardIds.MERGE, CardIds.QUESTION, id)));
    return card;
  }

  private static void addPersonal(ArrayNode body, QuestionsView view) {
    for (Question q : view.yourPending()) {
      body.add(
          Cards.container(
                  Cards.subtle("Yours, waiting for release · " + q.id()), Cards.text(q.text()))
              .put("separator", true));
    }
    if (!view.moderationQueue().isEmpty()) {
      body.add(Cards.heading("Waiting for approval").put("size", "Default"));
      for (Question q : view.moderationQueue()) {
        body.add(Cards.text(q.id() + " · " + q.text()));
      }
    }
    if (!view.waiting().isEmpty()) {
      body.add(Cards.subtle(view.waiting()));
    }
  }

  private static boolean moderatable(SessionState state) {
    return state.takesQuestions() || state == SessionState.CLOSED;
  }

  private static String onBoard(BoardView board) {
    int n = board.entries().size();
    return n == 1 ? "1 question on the board" : n + " questions on the board";
  }
}
