package dev.candor.adapters.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import dev.candor.core.command.Reply;
import dev.candor.core.question.AskResult;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.summary.Exports;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {

  @Test
  void givenAskedWithMentions_thenTheConfirmationEscapesThemAndNamesTheWithdrawCommand() {
    Reply asked =
        new Reply.Asked(
            new AskResult(
                new QuestionId("7kdm"),
                "Ping <!channel>?",
                false,
                "Questions appear once 5 people have asked."));

    SlackMessage m = ReplyRenderer.render(asked);

    String json = Snapshots.json(m.blocks());
    assertThat(json)
        .contains("Asked anonymously as `q7kdm`")
        .contains("Ping &lt;!channel&gt;?")
        .contains("`/candor withdraw q7kdm`")
        .doesNotContain("<!channel>");
    assertThat(m.text()).doesNotContain("<!channel>");
  }

  @Test
  void givenSessions_thenOnlyThoseTakingQuestionsHaveAnAskButton() {
    Reply list =
        new Reply.SessionList(
            List.of(Fixtures.session(SessionState.OPEN), Fixtures.session(SessionState.CLOSED)));

    List<LayoutBlock> blocks = ReplyRenderer.render(list).blocks();

    assertThat(blocks).hasSize(2);
    assertThat(((SectionBlock) blocks.get(0)).getAccessory()).isNotNull();
    assertThat(((SectionBlock) blocks.get(1)).getAccessory()).isNull();
  }

  @Test
  void givenAHugeExport_thenTheReplyStaysWithinSlacksLimitsAndSaysItWasCut() {
    String csv = "id,text,votes\n" + "q7kdm,\"A question <@U1> & more\",3\n".repeat(8000);

    SlackMessage m =
        ReplyRenderer.render(new Reply.File(new Exports.ExportFile("s12.csv", "text/csv", csv)));

    assertThat(m.blocks()).hasSizeLessThanOrEqualTo(SlackText.MESSAGE_BLOCKS_MAX);
    for (LayoutBlock b : m.blocks()) {
      if (b instanceof SectionBlock s) {
        assertThat(s.getText().getText().length()).isLessThanOrEqualTo(SlackText.SECTION_MAX);
      }
    }
    assertThat(Snapshots.json(m.blocks()))
        .contains("too long for one Slack message")
        .doesNotContain("<@U1>");
  }
}
