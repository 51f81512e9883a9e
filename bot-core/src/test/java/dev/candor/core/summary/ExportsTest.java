package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.core.command.Command.ExportFormat;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.summary.Exports.ExportFile;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exports name no one and cannot be turned against the person who opens them. */
class ExportsTest {

  @Test
  void givenSessionWithModeration_thenCsvHasOneRankedRowPerReleasedQuestion() throws Exception {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = scene(t);

      ExportFile csv =
          t.candor().exports().export(t.moderator(), scene.session().id(), ExportFormat.CSV);

      assertThat(csv.fileName()).isEqualTo("candor-" + scene.session().id() + ".csv");
      assertThat(csv.mediaType()).isEqualTo("text/csv");
      List<String> lines = csv.content().lines().toList();
      assertThat(lines.get(0))
          .isEqualTo("rank,id,status,votes,question,answer,hidden_reason,merged_into");
      assertThat(lines).hasSize(6); // every released question, merged and hidden ones included
      assertThat(lines.get(1)).startsWith("1," + scene.top() + ",answered,3,");
      assertThat(csv.content())
          .contains(",hidden,0,")
          .contains("Off topic")
          .contains(",merged,0,")
          .contains("," + scene.survivor() + "\n");
    }
  }

  @Test
  void givenQuestionStartingWithAFormula_thenTheCsvCellIsDefused() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "=HYPERLINK(\"http://x\",\"y\")");
      t.candor().questions().ask(participant(2), s.id(), "+1, and \"quotes\"");
      t.candor().questions().ask(participant(3), s.id(), "@SUM(A1)");

      String csv = t.candor().exports().export(t.moderator(), s.id(), ExportFormat.CSV).content();

      assertThat(csv)
          .contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
          .contains("\"'+1, and \"\"quotes\"\"\"")
          .contains("\"'@SUM(A1)\"");
      assertThat(csv.lines()).noneMatch(l -> l.matches("^\\d+,q\\w+,\\w+,\\d+,[=+@-].*"));
    }
  }

  @Test
  void givenJsonExport_thenItIsValidJsonWithTheQuestionsAndNoAuthors() throws Exception {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = scene(t);

      ExportFile json =
          t.candor().exports().export(t.moderator(), scene.session().id(), ExportFormat.JSON);

      JsonNode doc = new ObjectMapper().readTree(json.content());
      assertThat(json.mediaType()).isEqualTo("application/json");
      assertThat(doc.get("session").asText()).isEqualTo(scene.session().id().toString());
      assertThat(doc.get("questions")).hasSize(5);
      assertThat(doc.get("questions").get(0).get("votes").asInt()).isEqualTo(3);
      assertThat(json.content()).doesNotContain("author").doesNotContain("participant-");
    }
  }

  @Test
  void givenMarkdownExport_thenUserTextCannotAddLinksOrBreakTheTable() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      t.candor().questions().ask(participant(1), s.id(), "See [this](http://evil) | col");
      t.askEach(s.id(), 2, 3);

      ExportFile md = t.candor().exports().export(t.moderator(), s.id(), ExportFormat.MD);

      assertThat(md.mediaType()).isEqualTo("text/markdown");
      assertThat(md.content())
          .contains("See \\[this\\]\\(http://evil\\) \\| col")
          .doesNotContain("[this](");
    }
  }

  private record Scene(ListeningSession session, QuestionId top, QuestionId survivor) {}

  private static Scene scene(TestCandor t) {
    ListeningSession s = t.scheduleSession();
    List<QuestionId> ids = t.askEach(s.id(), 1, 5);
    t.voteEach(ids.get(0), 1, 3);
    t.voteEach(ids.get(1), 1, 1);
    t.candor().moderation().answer(t.moderator(), ids.get(0), Optional.of("Yes, in May"));
    t.candor().moderation().hide(t.moderator(), ids.get(4), Optional.of("Off topic"));
    t.candor().moderation().merge(t.moderator(), ids.get(3), ids.get(2));
    return new Scene(s, ids.get(0), ids.get(2));
  }
}
