package dev.candor.core.security;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.command.Reply;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.LogCapture;
import dev.candor.core.testing.TestCandor;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When storage fails unexpectedly in the middle of an ask or a vote, the person gets the plain
 * apology, and the error log line says what failed, not what was being written: neither the
 * question's text nor the pseudonym, which beside the log line's timestamp would tie a stored
 * question or vote to the moment it was made (the tables deliberately have no such time). Storage
 * is broken on purpose with a constraint the insert cannot meet.
 */
class UnexpectedFailureLoggingTest {

  @Test
  void givenStorageFailsDuringAnAsk_thenTheLogHoldsNeitherTheTextNorThePseudonym() {
    try (TestCandor t = TestCandor.withDefaults();
        LogCapture logs = LogCapture.rootAtDebug()) {
      ListeningSession s = t.scheduleSession();
      t.askEach(s.id(), 1, 3);
      execute(t, "ALTER TABLE questions ADD CONSTRAINT test_breaks_asks CHECK (LENGTH(text) < 40)");
      String text = "Why did my manager Robert sign off the layoffs in March?";

      Reply reply = t.command(participant(4), "ask " + s.id() + " " + text);

      assertThat(reply).isInstanceOf(Reply.Error.class);
      assertThat(((Reply.Error) reply).text()).startsWith("Something went wrong");
      assertThat(logs.text())
          .contains("command failed unexpectedly")
          .doesNotContain(text)
          .doesNotContain(t.recompute(s.id(), participant(4)).orElseThrow().value());
    }
  }

  @Test
  void givenStorageFailsDuringAVote_thenTheLogHoldsNoPseudonym() {
    try (TestCandor t = TestCandor.withDefaults();
        LogCapture logs = LogCapture.rootAtDebug()) {
      ListeningSession s = t.scheduleSession();
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      execute(t, "ALTER TABLE votes ADD CONSTRAINT test_breaks_votes CHECK (session_id < 0)");

      Reply reply = t.command(participant(7), "vote " + ids.get(0));

      assertThat(((Reply.Error) reply).text()).startsWith("Something went wrong");
      assertThat(logs.text())
          .contains("command failed unexpectedly")
          .doesNotContain(t.recompute(s.id(), participant(7)).orElseThrow().value());
    }
  }

  private static void execute(TestCandor t, String ddl) {
    try (Connection c = t.database().dataSource().getConnection();
        Statement st = c.createStatement()) {
      st.execute(ddl);
    } catch (SQLException e) {
      throw new IllegalStateException(ddl, e);
    }
  }
}
