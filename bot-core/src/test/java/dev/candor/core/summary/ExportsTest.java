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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Exports name no one and cannot be turned against the person who opens them. */
class ExportsTest {

  @Test
  void givenSessionWithModeration_thenCsvHasOneRankedRowPerReleasedQuestion() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = scene(t);

      ExportFile csv =
          t.candor().exports().export(t.moderator(), scene.session().id(), ExportFormat.CSV);

      assertThat(csv.fileName()).isEqualTo("candor-" + scene.session().id() + ".csv");
      assertThat(csv.mediaType()).isEqualTo("text/csv");
      List<Map<String, String>> rows = csvRows(csv.content());
      assertThat(rows).hasSize(5); // every released question, merged and hidden ones included
      assertThat(rows.get(0))
          .containsEntry("rank", "1")
          .containsEntry("id", scene.top().toString())
          .containsEntry("status", "answered")
          .containsEntry("votes", "3")
          .containsEntry("answer", "Yes, in May");
      assertThat(rows)
          .anySatisfy(
              r ->
                  assertThat(r)
                      .containsEntry("status", "hidden")
                      .containsEntry("hidden_reason", "Off topic"));
      assertThat(rows)
          .anySatisfy(
              r ->
                  assertThat(r)
                      .containsEntry("status", "merged")
                      .containsEntry("votes", "0")
                      .containsEntry("merged_into", scene.survivor().toString()));
      assertThat(csv.content()).doesNotContain("participant-").doesNotContainIgnoringCase("author");
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

      assertThat(csvRows(csv))
          .extracting(r -> r.get("question"))
          .containsExactlyInAnyOrder(
              "'=HYPERLINK(\"http://x\",\"y\")", "'+1, and \"quotes\"", "'@SUM(A1)");
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

  /** Reads RFC 4180 CSV (quoted cells, doubled quotes, no line breaks in cells) by header name. */
  private static List<Map<String, String>> csvRows(String csv) {
    List<List<String>> lines =
        csv.lines().filter(l -> !l.isEmpty()).map(ExportsTest::cells).toList();
    List<String> header = lines.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> line : lines.subList(1, lines.size())) {
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < line.size() ? line.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
