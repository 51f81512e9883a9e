package dev.candor.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures the security tests ran into outside their own subject, kept as plain examples for the
 * owners of the code concerned once fixed: the insider scenario's CSV export of a session with a
 * follow-up due date failed unexpectedly (a CsvMapper without the java.time module).
 */
class AuditFindingsTest {

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json", "md"})
  void givenAFollowUpWithADueDate_thenTheExportWorks(String format) {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      Reply followup =
          t.command(t.moderator(), "followup " + ids.get(0) + " owner Facilities due 2026-06-30");
      assertThat(followup).as(PlainText.render(followup)).isInstanceOf(Reply.Text.class);

      Reply export = t.command(t.moderator(), "export " + s.id() + " " + format);

      assertThat(export)
          .as(PlainText.render(export))
          .isInstanceOfSatisfying(
              Reply.File.class, f -> assertThat(f.file().content()).contains("Facilities"));
    }
  }
}
