package dev.candor.core.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.QuestionText;
import dev.candor.core.render.PlainText;
import dev.candor.core.security.HostileInput;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.testing.MutableClock;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Hostile input against the command language, generated (see {@link HostileInput}): the parser
 * answers every line with a command or a one-line {@link CandorException}; the whole dispatcher, on
 * a real core, never fails unexpectedly and a refused command stores nothing; and question text is
 * always cleaned of what cannot be shown safely.
 */
class CommandParserPropertyTest {
  private static final int MAX_MESSAGE = 1_000;

  private final CommandParser parser =
      new CommandParser(MutableClock.standard(), ZoneId.of("Europe/Berlin"));

  @Property(tries = 10_000)
  void parseAnswersWithACommandOrAOneLineCandorException(@ForAll("hostile") String input) {
    Command command;
    try {
      command = parser.parse(input);
    } catch (CandorException e) {
      assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT);
      assertOneLine(e.getMessage());
      return;
    }
    assertThat(command).isNotNull();
  }

  @Property(tries = 10_000)
  void cleanedQuestionTextHasNothingInvisibleAndKeepsItsBounds(@ForAll("hostile") String raw) {
    String clean;
    try {
      clean = QuestionText.clean(raw);
    } catch (CandorException e) {
      assertOneLine(e.getMessage());
      return;
    }
    int length = clean.codePointCount(0, clean.length());
    assertThat(length).isBetween(QuestionText.MIN, QuestionText.MAX);
    assertThat(clean).isEqualTo(clean.strip()).doesNotContain("  ");
    clean
        .codePoints()
        .forEach(
            cp ->
                assertThat(visible(cp))
                    .as("U+%04X (type %d) survived cleaning", cp, Character.getType(cp))
                    .isTrue());
    assertThat(QuestionText.clean(clean)).as("cleaning is idempotent").isEqualTo(clean);
  }

  // ---- the dispatcher end to end, on one in-memory core per property run ----

  private TestCandor core;

  @BeforeProperty
  void stageACore() {
    core = TestCandor.create().withK(3).build();
    ListeningSession open = core.scheduleSession();
    core.askEach(open.id(), 1, 3);
    NewSession plain = core.sessionRequest("Held", List.of(core.moderator().ref()));
    ListeningSession held =
        core.scheduleSession(
            new NewSession(
                plain.title(),
                plain.startsAt(),
                plain.endsAt(),
                plain.zone(),
                plain.audience(),
                plain.moderators(),
                plain.settings().withPremoderation(true)));
    core.askEach(held.id(), 4, 5);
  }

  @AfterProperty
  void closeTheCore() {
    if (core != null) {
      core.close();
    }
  }

  @Property(tries = 2_000)
  void handleNeverFailsUnexpectedlyAndARefusedCommandStoresNothing(
      @ForAll("commandLines") String template,
      @ForAll @IntRange(min = 0, max = 5) int who,
      @ForAll @IntRange(min = 0, max = 10_000) int pick) {
    String line = withRealIds(template, pick);
    Actor actor = actor(who);
    ChannelRef channel =
        actor.platform() == Platform.SLACK
            ? new ChannelRef(Platform.SLACK, "C1")
            : TestCandor.CHANNEL;
    List<String> before = counts();

    Reply reply = core.candor().commands().handle(new CommandContext(actor, channel), line);

    assertThat(reply).isNotNull();
    assertThat(PlainText.render(reply)).isNotNull();
    if (reply instanceof Reply.Error error) {
      assertThat(error.text())
          .as("an unexpected failure for: %s", line)
          .doesNotStartWith("Something went wrong");
      assertOneLine(error.text());
      assertThat(counts()).as("a refused command stored something: %s", line).isEqualTo(before);
      if (line.strip().toLowerCase(Locale.ROOT).startsWith("ask")) {
        assertThat(counts().get(1)).as("questions after a refused ask").isEqualTo(before.get(1));
      }
    }
    core.clock().advance(Duration.ofSeconds(1));
  }

  @Provide
  Arbitrary<String> hostile() {
    return HostileInput.text();
  }

  @Provide
  Arbitrary<String> commandLines() {
    return Arbitraries.frequencyOf(
        Tuple.of(60, HostileInput.wellFormedWithOneHostilePart()),
        Tuple.of(30, HostileInput.commandLine()),
        Tuple.of(10, HostileInput.text()));
  }

  private String withRealIds(String template, int pick) {
    List<List<String>> sessions = core.query("SELECT id FROM sessions ORDER BY id");
    List<List<String>> questions = core.query("SELECT id FROM questions ORDER BY id");
    String session = "s" + sessions.get(pick % sessions.size()).get(0);
    String question =
        questions.isEmpty() ? "q2345" : "q" + questions.get((pick / 7) % questions.size()).get(0);
    return template.replace("{s}", session).replace("{q}", question);
  }

  private static Actor actor(int who) {
    return switch (who) {
      case 0 -> TestCandor.ORGANIZER;
      case 1 -> TestCandor.MODERATOR;
      case 2 -> new Actor(Platform.SLACK, "T1", "U1");
      default -> TestCandor.participant(who);
    };
  }

  /** Rows of the tables a command could write, as one comparable list. */
  private List<String> counts() {
    return core.query(
            "SELECT (SELECT COUNT(*) FROM sessions), (SELECT COUNT(*) FROM questions),"
                + " (SELECT COUNT(*) FROM votes), (SELECT COUNT(*) FROM outbox),"
                + " (SELECT COUNT(*) FROM session_keys), (SELECT COUNT(*) FROM session_moderators),"
                + " (SELECT COUNT(*) FROM session_channels)")
        .get(0);
  }

  private static void assertOneLine(String message) {
    assertThat(message)
        .isNotBlank()
        .doesNotContain("\n", "\r", "\u0085", "\u2028", "\u2029", "Exception", "at dev.candor");
    assertThat(message.length()).as("length of: %s", message).isLessThanOrEqualTo(MAX_MESSAGE);
  }

  private static boolean visible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR ->
          false;
      default -> true;
    };
  }
}
