package dev.candor.core.summary;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.candor.core.command.Command.ExportFormat;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Exports carry themes and follow-ups, read back as written, and stay harmless to open. */
class ExportsContentTest {

  private record Scene(ListeningSession session, List<QuestionId> ids) {}

  private static Scene scene(TestCandor t) {
    ListeningSession s = t.scheduleSession();
    List<String> texts =
        List.of(
            "Will there be more layoffs this year?",
            "Should we expect another round of layoffs?",
            "=cmd|' /C calc'!A0 is what I typed, sorry",
            "Line one,\nline \"two\" | with *markdown* [link](http://x)");
    List<QuestionId> ids =
        texts.stream()
            .map(q -> t.candor().questions().ask(participant(texts.indexOf(q) + 1), s.id(), q).id())
            .toList();
    t.voteEach(ids.get(0), 1, 3);
    t.voteEach(ids.get(1), 3, 4);
    t.candor().moderation().answer(t.moderator(), ids.get(3), Optional.of("-1 for now; +2 later"));
    t.candor()
        .followups()
        .assign(
            t.moderator(),
            ids.get(0),
            Optional.of("@HR director"),
            Optional.of(LocalDate.parse("2026-06-30")));
    t.candor().policies().setEscalation(t.moderator(), s.id(), java.util.OptionalInt.of(3));
    return new Scene(s, ids);
  }

  @Test
  void givenCsv_thenItParsesBackToTheSameRows() throws Exception {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = scene(t);

      String csv =
          t.candor()
              .exports()
              .export(t.moderator(), scene.session().id(), ExportFormat.CSV)
              .content();
      CsvMapper mapper = Exports.CSV;
      List<Exports.Row> back;
      try (MappingIterator<Exports.Row> it =
          mapper
              .readerFor(Exports.Row.class)
              .with(mapper.schemaFor(Exports.Row.class).withHeader())
              .readValues(csv)) {
        back = it.readAll();
      }
      assertThat(back).hasSize(4);
      assertThat(back.get(0).id()).isEqualTo(scene.ids().get(0).toString());
      assertThat(back.get(0).votes()).isEqualTo(3);
      assertThat(back.get(0).theme()).isEqualTo(scene.ids().get(0).toString());
      assertThat(back.get(1).theme()).isEqualTo(scene.ids().get(0).toString());
      assertThat(back.get(0).escalated()).isTrue();
      assertThat(back.get(0).followupOwner()).isEqualTo("'@HR director");
      assertThat(back.get(0).followupDue()).isEqualTo(LocalDate.parse("2026-06-30"));
      assertThat(back.get(0).followupDone()).isFalse();
      assertThat(back)
          .extracting(Exports.Row::question)
          .contains(
              "'=cmd|' /C calc'!A0 is what I typed, sorry",
              "Line one, line \"two\" | with *markdown* [link](http://x)");
      assertThat(back)
          .filteredOn(r -> r.answer() != null)
          .singleElement()
          .satisfies(r -> assertThat(r.answer()).isEqualTo("'-1 for now; +2 later"));
      String again =
          Exports.CSV_HEADER + Exports.CSV.writer(Exports.CSV_SCHEMA).writeValueAsString(back);
      assertThat(again).isEqualTo(csv);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"})
  void givenAnyFormulaLead_thenTheCellStartsWithAnApostropheAndIsQuoted(String value) {
    String csv =
        Exports.csv(
            List.of(
                new Exports.Row(
                    1,
                    "q2345",
                    "published",
                    0,
                    value,
                    value,
                    null,
                    null,
                    null,
                    false,
                    null,
                    value,
                    null,
                    null)));

    assertThat(csv.lines().skip(1).findFirst().orElseThrow())
        .startsWith("1,\"q2345\",\"published\",0,\"'");
    assertThat(Exports.defuse(value)).startsWith("'");
    assertThat(Exports.defuse("Plain question")).isEqualTo("Plain question");
  }

  @Test
  void givenJson_thenThemesFollowUpsAndSuppressedParticipationAreThere() throws Exception {
    try (TestCandor t = TestCandor.create().withK(5).build()) {
      ListeningSession s = t.scheduleSession();
      List<String> texts =
          List.of(
              "Will there be more layoffs this year?",
              "Should we expect another round of layoffs?",
              "Are further layoffs planned?",
              "Can we get standing desks?",
              "What is the timeline for the ERP migration?",
              "Why is the VPN so slow in the mornings?");
      for (int i = 0; i < texts.size(); i++) {
        t.candor().questions().ask(participant(i + 1), s.id(), texts.get(i));
      }
      QuestionId first = t.questions(s.id()).get(0).id();
      t.candor().followups().assign(t.moderator(), first, Optional.of("Finance"), Optional.empty());

      String json = t.candor().exports().export(t.moderator(), s.id(), ExportFormat.JSON).content();

      JsonNode doc = new ObjectMapper().readTree(json);
      assertThat(doc.get("participation").get("askers").asText()).isEqualTo("6");
      assertThat(doc.get("participation").get("voters").asText()).isEqualTo("fewer than 5");
      assertThat(doc.get("tallyPolicy").asText()).isEqualTo("live");
      assertThat(doc.get("themes")).isNotEmpty();
      assertThat(doc.get("themes")).hasSize(1);
      assertThat(doc.get("themes").get(0).get("members")).hasSize(3);
      assertThat(doc.get("followups").get(0).get("owner").asText()).isEqualTo("Finance");
      assertThat(json).doesNotContain("participant-").doesNotContain("author");
    }
  }

  @Test
  void givenMarkdown_thenThemesAndFollowUpsAreEscapedToo() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids =
          List.of(
              t.candor()
                  .questions()
                  .ask(participant(1), s.id(), "Will there be more **layoffs**?")
                  .id(),
              t.candor().questions().ask(participant(2), s.id(), "More layoffs <script>?").id(),
              t.candor().questions().ask(participant(3), s.id(), "Standing desks?").id());
      t.candor()
          .followups()
          .assign(
              t.moderator(), ids.get(0), Optional.of("[Board](http://evil) <b>"), Optional.empty());

      String md = t.candor().exports().export(t.moderator(), s.id(), ExportFormat.MD).content();

      assertThat(md)
          .contains("## Themes")
          .contains("## Follow-ups")
          .contains("\\*\\*layoffs\\*\\*")
          .contains("\\<script\\>")
          .contains("\\[Board\\]\\(http://evil\\) \\<b\\>")
          .doesNotContain("[Board](")
          .doesNotContain("**layoffs**")
          .doesNotContain("<script>");
    }
  }
}
