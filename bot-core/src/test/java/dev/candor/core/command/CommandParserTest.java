package dev.candor.core.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.candor.core.CandorException;
import dev.candor.core.command.Command.ExportFormat;
import dev.candor.core.command.Command.Lifecycle.Action;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The commands other than schedule, which has {@link ScheduleCommandTest}. */
class CommandParserTest {
  static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z"); // 12:00 in Berlin
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final CommandParser parser = new CommandParser(Clock.fixed(NOW, ZoneOffset.UTC), BERLIN);

  private static final QuestionId Q = QuestionId.parse("q7kdm");
  private static final QuestionId Q2 = QuestionId.parse("q9abc");
  private static final SessionId S12 = new SessionId(12);

  static Stream<Arguments> goodForms() {
    return Stream.of(
        arguments("", new Command.Help(Optional.empty())),
        arguments(" \t\n ", new Command.Help(Optional.empty())),
        arguments("help", new Command.Help(Optional.empty())),
        arguments("HELP Schedule", new Command.Help(Optional.of("schedule"))),
        arguments("  sessions  ", new Command.Sessions()),
        arguments("Sessions", new Command.Sessions()),
        arguments(
            "ask Why are we moving?", new Command.Ask(Optional.empty(), "Why are we moving?")),
        arguments("ask s12 Why  are\twe moving?", ask(S12, "Why  are\twe moving?")),
        arguments("ASK S12 why?", ask(S12, "why?")),
        arguments("ask 12 people left, why?", ask(null, "12 people left, why?")),
        arguments("ask \"Quoted\" and “curly” stay", ask(null, "\"Quoted\" and “curly” stay")),
        arguments("ask What’s the plan for ‘Q3", ask(null, "What’s the plan for ‘Q3")),
        arguments("ask Line one\nline two", ask(null, "Line one\nline two")),
        arguments("ask\u00A0s12\u00A0no-break spaces", ask(S12, "no-break spaces")),
        arguments("questions", new Command.Questions(Optional.empty())),
        arguments("questions s12", new Command.Questions(Optional.of(S12))),
        arguments("vote q7kdm", new Command.Vote(Q)),
        arguments("vote Q7KDM", new Command.Vote(Q)),
        arguments("vote #q7kdm", new Command.Vote(Q)),
        arguments("vote \"q7kdm\"", new Command.Vote(Q)),
        arguments("unvote q7kdm", new Command.Unvote(Q)),
        arguments("withdraw q7kdm", new Command.Withdraw(Q)),
        arguments("open s12", new Command.Lifecycle(Action.OPEN, S12)),
        arguments("CLOSE S12", new Command.Lifecycle(Action.CLOSE, S12)),
        arguments("cancel 12", new Command.Lifecycle(Action.CANCEL, S12)),
        arguments("archive s12", new Command.Lifecycle(Action.ARCHIVE, S12)),
        arguments("hide q7kdm", new Command.Hide(Q, Optional.empty())),
        arguments("hide q7kdm off topic,  \"sorry\"", hide("off topic,  \"sorry\"")),
        arguments("answer q7kdm", new Command.Answer(Q, Optional.empty())),
        arguments("answer q7kdm We will  publish it.", answer("We will  publish it.")),
        arguments("merge q7kdm into q9abc", new Command.Merge(Q, Q2)),
        arguments("merge q7kdm INTO q9abc", new Command.Merge(Q, Q2)),
        arguments("approve q7kdm", new Command.Approve(Q)),
        arguments("summary", new Command.Summary(Optional.empty())),
        arguments("summary s12", new Command.Summary(Optional.of(S12))),
        arguments("export s12 csv", new Command.Export(S12, ExportFormat.CSV)),
        arguments("export s12 JSON", new Command.Export(S12, ExportFormat.JSON)),
        arguments("export s12 md", new Command.Export(S12, ExportFormat.MD)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("goodForms")
  void givenAGoodForm_thenItParsesToItsCommand(String input, Command expected) {
    assertThat(parser.parse(input)).isEqualTo(expected);
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        arguments("a".repeat(4001), "at most 4000 characters; this one has 4001"),
        arguments("foo", "Unknown command 'foo'. Try: help"),
        arguments("/vote q7kdm", "Unknown command '/vote'. Try: help"),
        arguments("sessions now", "Unexpected 'now'. Try: sessions"),
        arguments("help me please", "Unexpected 'please'. Try: help [topic]"),
        arguments("ask", "Missing question text. Try: ask [<session>] <text>"),
        arguments("ask   s12  ", "Missing question text. Try: ask [<session>] <text>"),
        arguments("ask s0 why?", "'s0' is not a session id"),
        arguments("questions q7kdm", "'q7kdm' is not a session id"),
        arguments("vote", "Missing question id. Try: vote <question>"),
        arguments("vote 123456", "'123456' is not a question id"),
        arguments("vote q7kdm extra", "Unexpected 'extra'. Try: vote <question>"),
        arguments("vote \"q7kdm", "A quote is not closed (before 'q7kdm')"),
        arguments("unvote s12", "'s12' is not a question id"),
        arguments("withdraw", "Missing question id. Try: withdraw <question>"),
        arguments("open x", "'x' is not a session id"),
        arguments("open", "Missing session id. Try: open <session>"),
        arguments("close s1 s2", "Unexpected 's2'. Try: close <session>"),
        arguments("archive s-1", "'s-1' is not a session id"),
        arguments("hide", "Missing question id. Try: hide <question> [reason]"),
        arguments("hide offtopic q7kdm", "'offtopic' is not a question id"),
        arguments("answer 42 yes", "'42' is not a question id"),
        arguments("merge q7kdm q9abc", "Missing 'into' between the two questions. Try: merge"),
        arguments("merge q7kdm into", "Missing question id after 'into'. Try: merge"),
        arguments("merge q7kdm into q9abc now", "Unexpected 'now'. Try: merge"),
        arguments("merge q7kdm into q7kdm", "cannot be merged into itself"),
        arguments("merge q7kdm into #Q7KDM", "cannot be merged into itself"),
        arguments("approve q7kdm q9abc", "Unexpected 'q9abc'. Try: approve <question>"),
        arguments("summary s1 s2", "Unexpected 's2'. Try: summary [<session>]"),
        arguments("export s12", "Missing format. Try: export <session> csv|json|md"),
        arguments("export s12 pdf", "'pdf' is not an export format. Try: export"),
        arguments("export csv s12", "'csv' is not a session id"),
        arguments("export s12 csv now", "Unexpected 'now'. Try: export"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badInputs")
  void givenABadInput_thenOneLineSaysWhatIsWrongAndHowToWriteIt(String input, String message) {
    assertThatThrownBy(() -> parser.parse(input))
        .isInstanceOfSatisfying(
            CandorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT);
              assertThat(e.getMessage())
                  .contains(message)
                  .doesNotContain("\n", "\r")
                  .containsAnyOf("Try:", "Write", "look like", "Shorten");
            });
  }

  @Test
  void givenExactly4000Characters_thenTheLengthIsAccepted() {
    String text = "ask " + "x".repeat(CommandParser.MAX_LENGTH - 4);

    assertThat(parser.parse(text)).isInstanceOf(Command.Ask.class);
  }

  @Test
  void givenEmojiOverTheLimit_thenCharactersAreCountedNotUtf16Units() {
    String text = "ask " + "😀".repeat(1998); // 2002 characters, 4000 UTF-16 units

    assertThat(parser.parse(text)).isInstanceOf(Command.Ask.class);
  }

  @Test
  void givenNull_thenHelp() {
    assertThat(parser.parse(null)).isEqualTo(new Command.Help(Optional.empty()));
  }

  @Test
  void everyFormStartsWithACommandTheParserKnows() {
    for (String form : CommandParser.FORMS) {
      assertThat(form).doesNotContain("\n");
      for (String verb : form.split(" ", 2)[0].split("\\|")) {
        try {
          parser.parse(verb);
        } catch (CandorException e) {
          assertThat(e.getMessage()).as(form).doesNotStartWith("Unknown command");
        }
      }
    }
  }

  private static Command.Ask ask(SessionId session, String text) {
    return new Command.Ask(Optional.ofNullable(session), text);
  }

  private static Command.Hide hide(String reason) {
    return new Command.Hide(Q, Optional.of(reason));
  }

  private static Command.Answer answer(String text) {
    return new Command.Answer(Q, Optional.of(text));
  }
}
