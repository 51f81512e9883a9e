package dev.candor.adapters.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.SessionState;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackBoardRendererTest {

  @Test
  void givenAnOpenSession_thenTheBoardMatchesItsSnapshot() {
    SlackMessage m =
        SlackBoardRenderer.render(Fixtures.board(SessionState.OPEN, Fixtures.standardEntries()));

    Snapshots.assertMatches("board-open.json", m.blocks());
  }

  @Test
  void givenMentionsInQuestionText_thenTheyAreEscapedAndPingNobody() {
    List<BoardEntry> entries =
        List.of(
            Fixtures.entry(
                "7kdm", "<!channel> why was <@U123> let go? <!here> <!subteam^S0LEAD> & co", 3, 1),
            Fixtures.entry("h3xp", "Is *bold* _allowed_ <https://evil.example|click>?", 2, 2));

    SlackMessage m = SlackBoardRenderer.render(Fixtures.board(SessionState.OPEN, entries));

    Snapshots.assertMatches("board-escaped.json", m.blocks());
    String all = Snapshots.json(m.blocks()) + m.text();
    assertThat(all)
        .doesNotContain("<!channel>", "<@U123>", "<!here>", "<!subteam^S0LEAD>", "<https://evil")
        .contains(
            "&lt;!channel&gt; why was &lt;@U123&gt; let go? &lt;!here&gt; &lt;!subteam^S0LEAD&gt; &amp; co");
  }

  @Test
  void givenAClosedSession_thenTheBoardHasNoButtonsAndSaysVotingEnded() {
    SlackMessage m =
        SlackBoardRenderer.render(Fixtures.board(SessionState.CLOSED, Fixtures.standardEntries()));

    Snapshots.assertMatches("board-closed.json", m.blocks());
    assertThat(Snapshots.json(m.blocks())).doesNotContain(Ids.Board.UPVOTE, Ids.Ask.OPEN);
  }

  @Test
  void givenNoQuestionsYet_thenTheBoardSaysWhenTheyAppear() {
    SlackMessage m = SlackBoardRenderer.render(Fixtures.board(SessionState.SCHEDULED, List.of()));

    assertThat(Snapshots.json(m.blocks())).contains("once at least 5 people have asked");
  }

  @Test
  void givenMoreQuestionsThanFit_thenTheBoardStopsAtFiftyBlocksAndSaysHowManyMore() {
    SlackMessage m =
        SlackBoardRenderer.render(Fixtures.board(SessionState.OPEN, Fixtures.many(60)));

    assertThat(m.blocks()).hasSizeLessThanOrEqualTo(SlackText.MESSAGE_BLOCKS_MAX);
    int shown = SlackBoardRenderer.capacity();
    assertThat(Snapshots.json(m.blocks()))
        .contains("Question number " + shown + "?")
        .doesNotContain("Question number " + (shown + 1) + "?")
        .contains("…and " + (60 - shown) + " more questions");
  }

  @Test
  void givenAnOverlongQuestion_thenNoSectionExceedsThreeThousandCharacters() {
    String longText = "<@U1> ".repeat(900);
    SlackMessage m =
        SlackBoardRenderer.render(
            Fixtures.board(SessionState.OPEN, List.of(Fixtures.entry("7kdm", longText, 1, 1))));

    for (LayoutBlock b : m.blocks()) {
      if (b instanceof SectionBlock s) {
        assertThat(s.getText().getText().length()).isLessThanOrEqualTo(SlackText.SECTION_MAX);
        assertThat(s.getText().getText()).doesNotContain("<@U1>").doesNotEndWith("&lt");
      }
    }
    assertThat(m.text().length()).isLessThanOrEqualTo(SlackText.SECTION_MAX);
  }

  @Test
  void givenHiddenTallies_thenNoCountIsShown() {
    BoardEntry hidden =
        new BoardEntry(new QuestionId("7kdm"), "Why?", -1, QuestionStatus.PUBLISHED, null, 1);

    String text = SlackBoardRenderer.entryText(hidden, false);

    assertThat(text).isEqualTo("*1.* Why?\n`q7kdm`");
  }
}
