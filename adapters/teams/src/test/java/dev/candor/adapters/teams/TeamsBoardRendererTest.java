package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.BoardView;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import dev.candor.core.summary.Participation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The board card, compared with JSON snapshot files. */
class TeamsBoardRendererTest {
  private static final Instant START = Instant.parse("2026-03-05T14:00:00Z");

  @Test
  void givenAnOpenSession_thenEachQuestionHasItsTallyVoteButtonsAndModeration() {
    BoardView board =
        board(
            "Budget Q&A",
            SessionState.OPEN,
            List.of(
                entry("7kdm", "Why is the budget late?", 12, QuestionStatus.PUBLISHED, null, 1),
                entry(
                    "a2b3",
                    "Will we hire this year?",
                    1,
                    QuestionStatus.ANSWERED,
                    "Yes, four roles.",
                    2),
                entry("xyz9", "Can meetings end by five?", 0, QuestionStatus.PUBLISHED, null, 3)));

    Snapshots.assertMatches("board-open.json", TeamsBoardRenderer.render(board));
  }

  @Test
  void givenAClosedSession_thenNoVoteOrAskButtonsButModerationRemains() {
    BoardView board =
        board(
            "Budget Q&A",
            SessionState.CLOSED,
            List.of(
                entry("7kdm", "Why is the budget late?", 12, QuestionStatus.PUBLISHED, null, 1)));

    ObjectNode card = TeamsBoardRenderer.render(board);

    Snapshots.assertMatches("board-closed.json", card);
    assertThat(card.toString())
        .doesNotContain("\"action\":\"vote\"")
        .doesNotContain("\"action\":\"ask\"")
        .contains("\"action\":\"hide\"");
  }

  @Test
  void givenMarkupInQuestionsAndTitle_thenItIsShownAsTypedAndNothingBecomesAMentionLinkOrDate() {
    BoardView board =
        board(
            "<at>Boss</at> **Town hall**",
            SessionState.OPEN,
            List.of(
                entry(
                    "7kdm", "<at>Boss</at> will you resign?", 3, QuestionStatus.PUBLISHED, null, 1),
                entry("a2b3", "Read [link](http://x) first", 2, QuestionStatus.PUBLISHED, null, 2),
                entry(
                    "xyz9",
                    "**bold** and _italic_ and `code`",
                    1,
                    QuestionStatus.ANSWERED,
                    "{{DATE(2026-03-05T14:00:00Z, SHORT)}} at {{TIME(2026-03-05T14:00:00Z)}}",
                    3),
                entry(
                    "hhhh",
                    "1. not a list # not a heading &lt;at&gt;x&lt;/at&gt;",
                    0,
                    QuestionStatus.PUBLISHED,
                    null,
                    4),
                entry("mmmm", "- dash\n# hash\n> quote", 0, QuestionStatus.PUBLISHED, null, 5)));

    ObjectNode card = TeamsBoardRenderer.render(board);

    Snapshots.assertMatches("board-escaping.json", card);
    String json = card.toString();
    assertThat(json)
        .doesNotContain("<at>")
        .doesNotContain("[link](")
        .doesNotContain("**bold**")
        .doesNotContain("{{DATE(")
        .doesNotContain("{{TIME(")
        .doesNotContain("&lt;at")
        .doesNotContain("\"mention\"")
        .doesNotContain("\"entities\"");
  }

  @Test
  void givenAPersonalView_thenYourVotesAndWaitingQuestionsShow() {
    BoardView board =
        board(
            "Budget Q&A",
            SessionState.OPEN,
            List.of(
                entry("7kdm", "Why is the budget late?", 12, QuestionStatus.PUBLISHED, null, 1)));
    var view =
        new dev.candor.core.question.QuestionsView(
            board,
            java.util.Set.of(new QuestionId("7kdm")),
            List.of(),
            List.of(),
            "Questions appear once at least 5 people have asked, so that none can be traced to its asker.");

    String card = TeamsBoardRenderer.render(view).toString();

    assertThat(card)
        .contains("Rank 1 · 12 votes · q7kdm · you voted")
        .contains("Questions appear once at least 5 people");
  }

  @Test
  void givenQuestionsTooLargeForOneCard_thenTheBottomOnesAreLeftOutWithANote() {
    List<BoardEntry> many = new ArrayList<>();
    String codes = "23456789ab";
    for (int i = 0; i < 10; i++) {
      many.add(
          entry(
              codes.charAt(i) + "kdm",
              "x".repeat(990) + " question " + i,
              10 - i,
              QuestionStatus.PUBLISHED,
              null,
              i + 1));
    }
    BoardView board = board("Budget Q&A", SessionState.OPEN, many);

    ObjectNode card = TeamsBoardRenderer.render(board, 9_000);

    assertThat(Cards.bytes(card)).isLessThanOrEqualTo(9_000);
    assertThat(card.toString())
        .contains("question 0")
        .doesNotContain("question 9")
        .contains("the rest do not fit on one card");
    assertThat(Cards.bytes(TeamsBoardRenderer.render(board)))
        .isLessThan(TeamsBoardRenderer.MAX_BYTES);
  }

  static BoardView board(String title, SessionState state, List<BoardEntry> entries) {
    SessionView session =
        new SessionView(
            new SessionId(7),
            title,
            state,
            START,
            START.plusSeconds(3600),
            ZoneId.of("Europe/Berlin"),
            List.of(new ChannelRef(Platform.TEAMS, "19:general@thread.tacv2")),
            5);
    return new BoardView(
        session, entries, new Participation(12, 4, 30).view(5), START.plusSeconds(7 * 60));
  }

  static BoardEntry entry(
      String code, String text, int votes, QuestionStatus status, String answer, int rank) {
    return new BoardEntry(new QuestionId(code), text, votes, status, answer, rank);
  }
}
