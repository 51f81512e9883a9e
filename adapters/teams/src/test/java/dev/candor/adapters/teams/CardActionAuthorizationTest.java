package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsActivityJson.data;
import static dev.candor.adapters.teams.TeamsActivityJson.scheduleDialog;
import static dev.candor.adapters.teams.TeamsScene.assertNothingChanged;
import static dev.candor.adapters.teams.TeamsScene.assertPlainRefusal;
import static dev.candor.core.security.AuthorizationMatrix.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.adapters.teams.TeamsScene.Who;
import dev.candor.core.security.AuthorizationMatrix;
import dev.candor.core.security.AuthorizationMatrix.Row;
import dev.candor.core.security.AuthorizationMatrix.Scene;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link AuthorizationMatrix} through Teams' Adaptive Card actions: every moderator or
 * organizer button and dialog, used by a participant, by the moderator of another session, and (for
 * organizer actions) by the session's own moderator, shows them alone one plain line, opens no
 * dialog, and changes nothing. The same actions work for whoever holds the role.
 */
class CardActionAuthorizationTest {

  /** Tries an action as {@code user} and returns what Teams showed them. */
  @FunctionalInterface
  interface Attempt {
    String shown(TeamsHarness teams, Scene scene, User user);
  }

  /**
   * A card action that does what {@code row} does.
   *
   * @param answersInChat whether the answer comes as a message in the person's 1:1 chat (a button
   *     that an older client sent as a plain message) rather than in the invoke's response
   */
  record Surface(String name, Row row, boolean answersInChat, Attempt attempt) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Surface> surfaces() {
    return List.of(
        new Surface(
            "Hide button",
            row("hide"),
            false,
            invoke("task/fetch", true, s -> data(CardIds.HIDE, s.question()))),
        new Surface(
            "Mark answered button",
            row("answer"),
            false,
            invoke("task/fetch", true, s -> data(CardIds.ANSWER, s.question()))),
        new Surface(
            "Merge into… button",
            row("merge"),
            false,
            invoke("task/fetch", true, s -> data(CardIds.MERGE, s.other()))),
        new Surface(
            "merge dialog submitted",
            row("merge"),
            false,
            invoke(
                "task/submit",
                true,
                s -> data(CardIds.MERGE, s.other()).put(CardIds.INTO, s.question().toString()))),
        new Surface(
            "Schedule a session button",
            row("schedule"),
            false,
            invoke("task/fetch", true, s -> data(CardIds.SCHEDULE))),
        new Surface(
            "Schedule a session button in a 1:1 chat",
            row("schedule"),
            false,
            invoke("task/fetch", false, s -> data(CardIds.SCHEDULE))),
        new Surface(
            "schedule dialog submitted",
            row("schedule"),
            false,
            invoke("task/submit", true, s -> scheduleDialog("Taken over", "UTC"))),
        new Surface(
            "schedule dialog submitted in a 1:1 chat",
            row("schedule"),
            false,
            invoke("task/submit", false, s -> scheduleDialog("Taken over", "UTC"))),
        new Surface(
            "Hide, from an older client in a 1:1 chat",
            row("hide"),
            true,
            olderClient(CardIds.HIDE)),
        new Surface(
            "Mark answered, from an older client in a 1:1 chat",
            row("answer"),
            true,
            olderClient(CardIds.ANSWER)));
  }

  static Stream<Arguments> triedWithoutTheRole() {
    return Stream.of(Who.values())
        .flatMap(
            who ->
                surfaces().stream()
                    .filter(surface -> !who.holds(surface.row().needs()))
                    .map(surface -> arguments(who, surface.name(), surface)));
  }

  static Stream<Arguments> moderatorButtonsTriedWithoutTheRole() {
    return Stream.of(Who.PARTICIPANT, Who.MODERATOR_OF_ANOTHER_SESSION)
        .flatMap(who -> Stream.of(CardIds.HIDE, CardIds.ANSWER).map(a -> arguments(who, a)));
  }

  /** The refusals share one scene, since each checks that it changed nothing. */
  private static TeamsHarness shared;

  private static Scene sharedScene;

  /** Each row that must work stages a scene of its own in this harness's core. */
  private static TeamsHarness holders;

  @BeforeAll
  static void start() {
    shared = TeamsHarness.local();
    sharedScene = TeamsScene.stage(shared);
    holders = TeamsScene.forRoleHolders();
  }

  @AfterAll
  static void stop() {
    shared.close();
    holders.close();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("triedWithoutTheRole")
  void givenSomeoneWithoutTheRole_thenTheyAloneSeeOnePlainLineAndNothingChanges(
      Who who, String surfaceName, Surface surface) {
    List<String> before = shared.core.dumpAllTables();
    int sent = shared.connector.requests().size();

    String shown = surface.attempt().shown(shared, sharedScene, who.user);

    assertPlainRefusal(shown, surface.row().refusal(sharedScene));
    assertNothingChanged(
        shared,
        before,
        sent,
        surface.answersInChat() ? new String[] {who.user.personalChat()} : new String[0]);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("moderatorButtonsTriedWithoutTheRole")
  void givenAnOlderClientInTheChannel_thenAModeratorButtonChangesNothingAndPostsNothingThere(
      Who who, String action) {
    List<String> before = shared.core.dumpAllTables();
    int sent = shared.connector.requests().size();

    shared.server.post(
        shared.activities.cardSubmitMessage(who.user, true, data(action, sharedScene.question())));

    // A channel answer would tell everyone there what the person clicked: there is none.
    assertNothingChanged(shared, before, sent);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("surfaces")
  void givenTheRole_thenTheActionWorks(Surface surface) {
    Scene scene = TeamsScene.stage(holders);

    String shown = surface.attempt().shown(holders, scene, TeamsScene.holderOf(surface.row()));

    assertThat(shown)
        .isNotBlank()
        .doesNotStartWith(CardText.escape(surface.row().refusal(scene)))
        .isNotEqualTo(CommandRunner.APOLOGY)
        .isNotEqualTo(TaskModules.OUT_OF_DATE);
  }

  /** A button or dialog, sent as Teams sends it: an invoke answered in its response. */
  private static Attempt invoke(String name, boolean inChannel, Function<Scene, JsonNode> data) {
    return (teams, s, user) ->
        TeamsHarness.shownByInvoke(teams.invoke(name, user, inChannel, data.apply(s)));
  }

  /** A question's button that an older client sent as a plain message in the 1:1 chat. */
  private static Attempt olderClient(String action) {
    return (teams, s, user) ->
        TeamsHarness.shown(
            teams.replyIn(
                user.personalChat(),
                () ->
                    teams.server.post(
                        teams.activities.cardSubmitMessage(
                            user, false, data(action, s.question())))));
  }
}
