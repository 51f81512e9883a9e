package dev.candor.core.security;

import static dev.candor.core.security.AuthorizationMatrix.MODERATOR_OF_ANOTHER;
import static dev.candor.core.security.AuthorizationMatrix.MODERATOR_OF_TARGET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.candor.core.command.Command;
import dev.candor.core.command.CommandContext;
import dev.candor.core.command.CommandParser;
import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.Role;
import dev.candor.core.question.QuestionId;
import dev.candor.core.render.PlainText;
import dev.candor.core.security.AuthorizationMatrix.Row;
import dev.candor.core.security.AuthorizationMatrix.Scene;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.MutableClock;
import dev.candor.core.testing.TestCandor;
import java.lang.reflect.RecordComponent;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every organizer and moderator command of the text language, typed by someone without the role, is
 * refused with one plain line naming the role it needs and changes nothing at all; moderators are
 * moderators of their own sessions only; organizers, and everyone when organizers are {@code *},
 * may do it all. The rows come from {@link AuthorizationMatrix}, and a check on {@link
 * CommandParser#FORMS} and {@link Command}'s records makes a new command fail here until it is in
 * the table.
 */
class AuthorizationMatrixTest {

  static Stream<Row> privileged() {
    return AuthorizationMatrix.privileged().stream();
  }

  static Stream<Arguments> outsidersTimesPrivileged() {
    return AuthorizationMatrix.outsiders().stream()
        .flatMap(
            actor ->
                AuthorizationMatrix.privileged().stream()
                    .map(row -> arguments(named(actor), actor, row)));
  }

  /**
   * One staged scene for every refusal: a refusal that changed anything fails its own test, which
   * compares a dump of every table before and after.
   */
  private static TestCandor shared;

  private static Scene sharedScene;

  @BeforeAll
  static void stageOnceForTheRefusals() {
    shared = TestCandor.withDefaults();
    sharedScene = AuthorizationMatrix.stage(shared);
  }

  @AfterAll
  static void closeTheSharedScene() {
    shared.close();
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("outsidersTimesPrivileged")
  void givenSomeoneWithoutTheRole_thenTheCommandIsRefusedInOnePlainLineAndNothingChanges(
      String who, Actor outsider, Row row) {
    List<String> before = shared.dumpAllTables();

    Reply reply = type(shared, outsider, row.command(sharedScene));

    assertPlainRefusal(reply, row.refusal(sharedScene), row.needs());
    assertThat(shared.dumpAllTables()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privileged")
  void givenModeratorOfTheSession_thenModeratorCommandsWorkAndOrganizerCommandsAreRefused(Row row) {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = AuthorizationMatrix.stage(t);
      List<String> before = t.dumpAllTables();

      Reply reply = type(t, MODERATOR_OF_TARGET, row.command(scene));

      if (row.needs() == Role.ORGANIZER) {
        assertPlainRefusal(reply, row.refusal(scene), Role.ORGANIZER);
        assertThat(t.dumpAllTables()).isEqualTo(before);
      } else {
        assertThat(reply).as(PlainText.render(reply)).isNotInstanceOf(Reply.Error.class);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privileged")
  void givenOrganizer_thenEveryCommandWorksOnAnySession(Row row) {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = AuthorizationMatrix.stage(t);

      Reply reply = type(t, t.organizer(), row.command(scene));

      assertThat(reply).as(PlainText.render(reply)).isNotInstanceOf(Reply.Error.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privileged")
  void givenStarAsOrganizers_thenAnyoneMayRunEveryCommand(Row row) {
    try (TestCandor t = TestCandor.create().withOrganizers("*").build()) {
      Scene scene = AuthorizationMatrix.stage(t);
      Actor nobodyInParticular = new Actor(Platform.SLACK, "T0ANY", "U0NOBODY");

      Reply reply = type(t, nobodyInParticular, row.command(scene));

      assertThat(reply).as(PlainText.render(reply)).isNotInstanceOf(Reply.Error.class);
    }
  }

  @Test
  void givenModeratorOfAnotherSession_thenTheyStillModerateTheirOwn() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = AuthorizationMatrix.stage(t);

      Reply reply = type(t, MODERATOR_OF_ANOTHER, "summary " + scene.foreign());

      assertThat(reply).isInstanceOf(Reply.Summary.class);
    }
  }

  @Test
  void givenTheCommandLanguage_thenEveryCommandIsEitherForEveryoneOrInTheMatrix() {
    Set<String> verbs = new TreeSet<>();
    for (String form : CommandParser.FORMS) {
      verbs.addAll(Arrays.asList(form.split(" ", 2)[0].split("\\|")));
    }
    Set<String> covered = new HashSet<>();
    for (Row row : rows()) {
      covered.add(row.template().split(" ", 2)[0].toLowerCase(Locale.ROOT));
    }

    assertThat(covered).as("commands in the matrix or the everyone list").containsAll(verbs);
  }

  @Test
  void givenEveryRecordOfCommand_thenSomeRowParsesToItAndCoversEachOfItsChoices() {
    CommandParser parser = new CommandParser(MutableClock.standard(), ZoneOffset.UTC);
    Scene scene =
        new Scene(
            new SessionId(1),
            new SessionId(2),
            new SessionId(3),
            new SessionId(4),
            new SessionId(5),
            QuestionId.parse("q2345"),
            QuestionId.parse("q6789"),
            QuestionId.parse("qabcd"));
    Set<Class<?>> parsed = new HashSet<>();
    Set<Enum<?>> choices = new HashSet<>();
    for (Row row : rows()) {
      Command c = parser.parse(row.command(scene));
      parsed.add(c.getClass());
      for (RecordComponent rc : c.getClass().getRecordComponents()) {
        if (rc.getType().isEnum()) {
          choices.add((Enum<?>) invoke(rc, c));
        }
      }
    }

    assertThat(parsed).containsAll(Arrays.asList(Command.class.getPermittedSubclasses()));
    for (Class<?> type : Command.class.getPermittedSubclasses()) {
      for (RecordComponent rc : type.getRecordComponents()) {
        if (rc.getType().isEnum()) {
          assertThat(choices)
              .as("every %s of %s is in a row", rc.getName(), type.getSimpleName())
              .contains((Enum<?>[]) rc.getType().getEnumConstants());
        }
      }
    }
  }

  private static Object invoke(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Row> rows() {
    return Stream.concat(
            AuthorizationMatrix.privileged().stream(), AuthorizationMatrix.forEveryone().stream())
        .toList();
  }

  private static Reply type(TestCandor t, Actor actor, String text) {
    ChannelRef where =
        actor.platform() == Platform.CONSOLE
            ? TestCandor.CHANNEL
            : new ChannelRef(actor.platform(), "C-SOMEWHERE");
    return t.candor().commands().handle(new CommandContext(actor, where), text);
  }

  private static void assertPlainRefusal(Reply reply, String refusal, Role needed) {
    assertThat(reply)
        .as(PlainText.render(reply))
        .isInstanceOfSatisfying(
            Reply.Error.class,
            e ->
                assertThat(e.text())
                    .startsWith(refusal)
                    .containsIgnoringCase(
                        refusal.startsWith("There is no question")
                            ? "question"
                            : needed == Role.ORGANIZER ? "organizer" : "moderator")
                    .doesNotContain(
                        "\n", "\r", "Exception", "at dev.candor", "Something went wrong"));
  }

  private static String named(Actor actor) {
    if (actor.equals(MODERATOR_OF_ANOTHER)) {
      return "moderator of another session";
    }
    return actor.platform() == Platform.CONSOLE
        ? "participant"
        : "namesake on " + actor.platform().id() + " of " + actor.userId();
  }
}
