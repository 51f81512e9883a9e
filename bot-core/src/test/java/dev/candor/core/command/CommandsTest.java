package dev.candor.core.command;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.identity.Actor;
import dev.candor.core.question.BoardEntry;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.session.SessionView;
import dev.candor.core.testing.LogCapture;
import dev.candor.core.testing.TestCandor;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The dispatcher end to end: a line of text in, the right kind of {@link Reply} out. */
class CommandsTest {

  @Test
  void givenOrganizerSchedules_thenScheduledWithTheTypedOptions() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Reply reply =
          t.command(
              t.organizer(),
              "schedule \"Budget Q&A\" tomorrow 15:00 for 45m moderators console:moderator k 4");

      assertThat(reply).isInstanceOf(Reply.Scheduled.class);
      SessionView s = ((Reply.Scheduled) reply).session();
      assertThat(s.title()).isEqualTo("Budget Q&A");
      assertThat(s.state()).isEqualTo(SessionState.SCHEDULED);
      assertThat(s.startsAt()).isEqualTo(Instant.parse("2026-03-03T15:00:00Z"));
      assertThat(s.endsAt()).isEqualTo(Instant.parse("2026-03-03T15:45:00Z"));
      assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
      assertThat(s.audience()).containsExactly(TestCandor.CHANNEL);
      assertThat(s.minAskers()).isEqualTo(4);
      assertThat(t.session(s.id()).isModerator(t.moderator().ref())).isTrue();
    }
  }

  @Test
  void givenParticipantSchedules_thenAPlainOneLineError() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Reply reply = t.command(participant(1), "schedule \"Mine\" tomorrow 15:00");

      assertThat(reply)
          .isInstanceOfSatisfying(
              Reply.Error.class,
              e ->
                  assertThat(e.text())
                      .startsWith("Only organizers can schedule")
                      .doesNotContain("\n"));
      assertThat(t.count("sessions")).isZero();
    }
  }

  @Test
  void givenAFullSessionThroughText_thenEachCommandAnswersWithItsReplyKind() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Reply scheduled =
          t.command(t.organizer(), "schedule \"Town hall\" in 2h moderators console:moderator");
      String s = ((Reply.Scheduled) scheduled).session().id().toString();

      Reply first = t.command(participant(1), "ask " + s + " Why are we moving offices?");
      assertThat(first).isInstanceOf(Reply.Asked.class);
      QuestionId q = ((Reply.Asked) first).result().id();
      assertThat(((Reply.Asked) first).result().released()).isFalse();
      assertThat(t.command(participant(2), "vote " + q))
          .isEqualTo(new Reply.Error("There is no question " + q + ". See: questions"));

      assertThat(t.command(participant(2), "ask What about parking?"))
          .isInstanceOf(Reply.Asked.class); // the channel's only session
      Reply third = t.command(participant(3), "ask " + s + " Will there be layoffs?");
      assertThat(((Reply.Asked) third).result().released()).isTrue();

      assertThat(t.command(participant(4), "vote " + q))
          .isEqualTo(new Reply.Text("Voted for " + q + "; it now has 1 vote."));
      assertThat(t.command(participant(5), "vote " + q.code().toUpperCase()))
          .isEqualTo(new Reply.Text("Voted for " + q + "; it now has 2 votes."));
      assertThat(t.command(participant(5), "unvote " + q))
          .isEqualTo(new Reply.Text("Vote removed from " + q + "; it now has 1 vote."));

      Reply questions = t.command(participant(4), "questions");
      assertThat(questions)
          .isInstanceOfSatisfying(
              Reply.QuestionList.class,
              l -> {
                assertThat(l.view().board().entries()).hasSize(3);
                assertThat(l.view().board().entries().get(0).id()).isEqualTo(q);
                assertThat(l.view().votedByYou()).containsExactly(q);
              });

      assertThat(t.command(t.moderator(), "summary " + s))
          .isInstanceOfSatisfying(
              Reply.Summary.class,
              r -> assertThat(r.summary().top()).extracting(BoardEntry::id).startsWith(q));
      assertThat(t.command(t.moderator(), "summary")).isInstanceOf(Reply.Summary.class);
      assertThat(t.command(participant(4), "summary " + s)).isInstanceOf(Reply.Error.class);

      assertFile(t.command(t.moderator(), "export " + s + " csv"), ".csv", "text/csv");
      assertFile(t.command(t.moderator(), "export " + s + " json"), ".json", "application/json");
      assertFile(t.command(t.moderator(), "export " + s + " md"), ".md", "text/markdown");
      assertThat(t.command(participant(1), "export " + s + " csv")).isInstanceOf(Reply.Error.class);

      assertThat(t.command(t.moderator(), "close " + s))
          .isInstanceOfSatisfying(
              Reply.Text.class, r -> assertThat(r.text()).contains("is closed"));
      assertThat(t.command(participant(6), "ask " + s + " Too late?"))
          .isInstanceOf(Reply.Error.class);
    }
  }

  @Test
  void givenHelpAndSessions_thenHelpSaysWhoSeesWhatAndSessionsListsThem() {
    try (TestCandor t = TestCandor.withDefaults()) {
      t.scheduleSession();

      assertThat(t.command(participant(1), "help"))
          .isInstanceOfSatisfying(
              Reply.Help.class, h -> assertThat(h.text()).contains(HelpText.WHO_SEES_WHAT));
      assertThat(t.command(participant(1), "")).isInstanceOf(Reply.Help.class);
      assertThat(t.command(participant(1), "sessions"))
          .isInstanceOfSatisfying(
              Reply.SessionList.class, l -> assertThat(l.sessions()).hasSize(1));
    }
  }

  @Test
  void givenModerationThroughText_thenTextRepliesAndTheEffect() {
    try (TestCandor t = TestCandor.withDefaults()) {
      String s = t.scheduleSession().id().toString();
      QuestionId a =
          ((Reply.Asked) t.command(participant(1), "ask " + s + " First one")).result().id();
      QuestionId b =
          ((Reply.Asked) t.command(participant(2), "ask " + s + " Second one")).result().id();
      QuestionId c =
          ((Reply.Asked) t.command(participant(3), "ask " + s + " Third one")).result().id();

      assertThat(t.command(t.moderator(), "hide " + a + " names a colleague"))
          .isInstanceOf(Reply.Text.class);
      assertThat(t.command(t.moderator(), "answer " + b + " Yes, next week"))
          .isInstanceOf(Reply.Text.class);
      assertThat(t.command(t.moderator(), "merge " + c + " into " + b))
          .isInstanceOf(Reply.Text.class);
      assertThat(t.command(participant(1), "withdraw " + a)).isInstanceOf(Reply.Text.class);
      assertThat(t.command(participant(2), "hide " + b)).isInstanceOf(Reply.Error.class);

      assertThat(t.question(b).answer()).isEqualTo("Yes, next week");
    }
  }

  @Test
  void givenUnknownCommandOrBadInput_thenOneLineErrors() {
    try (TestCandor t = TestCandor.withDefaults()) {
      assertThat(t.command(participant(1), "frobnicate now"))
          .isEqualTo(new Reply.Error("Unknown command 'frobnicate'. Try: help"));
      assertThat(t.command(participant(1), "vote nonsense-id"))
          .isInstanceOfSatisfying(
              Reply.Error.class, e -> assertThat(e.text()).doesNotContain("\n"));
      assertThat(t.command(participant(1), "ask Is anyone there?"))
          .isInstanceOfSatisfying(
              Reply.Error.class, e -> assertThat(e.text()).contains("No session"));
    }
  }

  @Test
  void givenUnexpectedFailure_thenAPlainErrorWithoutStackTraceAndTheLogHoldsNoCommandText() {
    try (TestCandor t = TestCandor.withDefaults();
        LogCapture logs = LogCapture.rootAtDebug()) {
      String s = t.scheduleSession().id().toString();
      Actor asker = participant(77);
      t.database().close(); // the database goes away under Candor's feet

      Reply reply = t.command(asker, "ask " + s + " My secret question about my manager");

      assertThat(reply).isInstanceOf(Reply.Error.class);
      String text = ((Reply.Error) reply).text();
      assertThat(text)
          .isEqualTo(
              "Something went wrong on Candor's side and nothing was stored. Please try again.")
          .doesNotContain("\n");
      assertThat(PlainText.render(reply)).doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(logs.text())
          .contains("command failed unexpectedly")
          .doesNotContain("secret question")
          .doesNotContain("participant-77");
    }
  }

  @Test
  void givenStatementFailingInsideTheDatabase_thenTheLogHoldsNeitherTheQuestionNorThePseudonym()
      throws Exception {
    try (TestCandor t = TestCandor.withDefaults();
        LogCapture logs = LogCapture.rootAtDebug()) {
      SessionId s = t.scheduleSession().id();
      Actor asker = participant(77);
      String pseudonym = t.recompute(s, asker).orElseThrow().value();
      try (Connection c = t.database().dataSource().getConnection();
          Statement st = c.createStatement()) {
        // any failure inside the INSERT will do: a constraint the core does not know about
        st.execute("ALTER TABLE questions ADD CONSTRAINT audit_probe CHECK (LENGTH(text) < 5)");
      }

      Reply reply = t.command(asker, "ask " + s + " My secret question about my manager");

      assertThat(reply).isInstanceOf(Reply.Error.class);
      assertThat(logs.text())
          .contains("command failed unexpectedly")
          .doesNotContain("secret question")
          .doesNotContain(pseudonym);
    }
  }

  private static void assertFile(Reply reply, String extension, String mediaType) {
    assertThat(reply)
        .isInstanceOfSatisfying(
            Reply.File.class,
            f -> {
              assertThat(f.file().fileName()).endsWith(extension);
              assertThat(f.file().mediaType()).isEqualTo(mediaType);
              assertThat(f.file().content()).contains("Why are we moving offices?");
            });
  }
}
