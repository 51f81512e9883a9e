package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackScene.assertNothingChanged;
import static dev.candor.adapters.slack.SlackScene.assertPlainRefusal;
import static dev.candor.core.security.AuthorizationMatrix.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.slack.SlackScene.Who;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.adapters.slack.render.ModeratorChoice;
import dev.candor.core.security.AuthorizationMatrix;
import dev.candor.core.security.AuthorizationMatrix.Row;
import dev.candor.core.security.AuthorizationMatrix.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link AuthorizationMatrix} through Slack's interactive surfaces: every moderator or
 * organizer menu choice, button and modal, used by a participant, by the moderator of another
 * session, and (for organizer surfaces) by the session's own moderator, shows them alone the core's
 * one-line refusal, opens no form, and changes nothing. The same surfaces work for whoever holds
 * the role.
 */
class InteractionAuthorizationTest {

  /** Tries a surface as {@code user} and returns what Slack showed them. */
  @FunctionalInterface
  interface Attempt {
    String shown(SlackRig rig, Scene scene, String user);
  }

  /** A menu choice, button or modal that does what {@code row} does. */
  record Surface(String name, Row row, Attempt attempt) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Surface> surfaces() {
    return List.of(
        new Surface("board menu: hide", row("hide"), menu(ModeratorChoice.HIDE)),
        new Surface("board menu: answered", row("answer"), menu(ModeratorChoice.ANSWERED)),
        new Surface("board menu: merge into…", row("merge"), menu(ModeratorChoice.MERGE)),
        new Surface(
            "merge modal submitted",
            row("merge"),
            (rig, s, user) ->
                SlackRig.shown(
                    rig.submit(
                        user,
                        Ids.Board.MERGE_CALLBACK,
                        // The private_metadata the moderator's merge modal carries.
                        "{\"duplicate\":\"" + s.other().code() + "\"}",
                        ViewInput.of()
                            .selected(
                                Ids.Board.MERGE_BLOCK,
                                Ids.Board.MERGE_ACTION,
                                s.question().code())),
                    Ids.Board.MERGE_BLOCK)),
        new Surface(
            "App Home: summary",
            row("summary"),
            (rig, s, user) ->
                SlackRig.shown(
                    rig.nextCall(
                        () -> rig.homeButton(user, Ids.Home.SUMMARY, s.session().toString()),
                        "chat.postMessage"))),
        new Surface(
            "App Home: approve",
            row("approve"),
            (rig, s, user) ->
                SlackRig.shown(
                    rig.nextCall(
                        () -> rig.homeButton(user, Ids.Home.APPROVE, s.pending().toString()),
                        "views.publish"))),
        new Surface(
            "schedule shortcut",
            row("schedule"),
            opens((rig, user) -> rig.shortcut(user, Ids.Schedule.SHORTCUT))),
        new Surface(
            "schedule button in a message",
            row("schedule"),
            opens((rig, user) -> rig.button(user, Ids.Schedule.OPEN, ""))),
        new Surface(
            "schedule button on the App Home",
            row("schedule"),
            opens((rig, user) -> rig.homeButton(user, Ids.Schedule.OPEN, ""))),
        new Surface(
            "/candor schedule", row("schedule"), opens((rig, user) -> rig.slash(user, "schedule"))),
        new Surface(
            "schedule modal submitted",
            row("schedule"),
            (rig, s, user) ->
                SlackRig.shown(
                    rig.submit(user, Ids.Schedule.CALLBACK, null, ViewInput.scheduleForm("5")),
                    Ids.Schedule.TITLE_BLOCK)));
  }

  static Stream<Arguments> triedWithoutTheRole() {
    return Stream.of(Who.values())
        .flatMap(
            who ->
                surfaces().stream()
                    .filter(surface -> !who.holds(surface.row().needs()))
                    .map(surface -> arguments(who, surface.name(), surface)));
  }

  /** The refusals share one scene, since each checks that it changed nothing. */
  private static SlackRig shared;

  private static Scene sharedScene;

  /** Each row that must work stages a scene of its own in this rig's core. */
  private static SlackRig holders;

  @BeforeAll
  static void start() throws Exception {
    shared = SlackRig.start();
    sharedScene = SlackScene.stage(shared);
    holders = SlackRig.start();
  }

  @AfterAll
  static void stop() {
    shared.close();
    holders.close();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("triedWithoutTheRole")
  void givenSomeoneWithoutTheRole_thenTheyAloneSeeTheRefusalAndNothingChanges(
      Who who, String surfaceName, Surface surface) {
    List<String> before = shared.core.dumpAllTables();
    int calls = shared.slack.calls().size();

    String shown = surface.attempt().shown(shared, sharedScene, who.user);

    assertPlainRefusal(shown, surface.row(), sharedScene);
    assertNothingChanged(shared, before, calls);
    assertThat(shared.slack.calls().stream().skip(calls))
        .as("no form opened")
        .noneMatch(c -> c.method().equals("views.open") && c.json("view").has("callback_id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("surfaces")
  void givenTheRole_thenTheSurfaceWorks(Surface surface) {
    Scene scene = SlackScene.stage(holders);

    String shown = surface.attempt().shown(holders, scene, SlackScene.holderOf(surface.row()));

    assertThat(shown)
        .isNotBlank()
        .doesNotStartWith("✗")
        .doesNotStartWith(surface.row().refusal(scene));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = Who.class,
      names = {"PARTICIPANT", "MODERATOR_OF_ANOTHER_SESSION"})
  void givenSomeoneWhoDoesNotModerateTheSessions_thenTheirAppHomeOffersNoModeratorButtonForThem(
      Who who) {
    JsonNode home =
        shared
            .nextCall(() -> shared.homeOpened(who.user, shared.nextEventId(), 0), "views.publish")
            .json("view");

    List<String> moderatorButtons = new ArrayList<>();
    for (JsonNode element : home.findParents("action_id")) {
      String id = element.path("action_id").asText();
      if (id.equals(Ids.Home.SUMMARY) || id.equals(Ids.Home.APPROVE)) {
        moderatorButtons.add(id + " " + element.path("value").asText());
      }
    }
    assertThat(home.toString()).doesNotContain(Ids.Schedule.OPEN);
    assertThat(moderatorButtons)
        .isEqualTo(
            who == Who.MODERATOR_OF_ANOTHER_SESSION
                ? List.of(Ids.Home.SUMMARY + " " + sharedScene.foreign())
                : List.of());
  }

  /** A choice in the board's moderator menu, answered through the response_url or a modal. */
  private static Attempt menu(String op) {
    return (rig, s, user) ->
        SlackRig.shown(
            rig.nextCall(
                () ->
                    rig.overflow(
                        user, Ids.Board.MODERATE, ModeratorChoice.of(op, s.question()).json()),
                "response_url",
                "views.open"));
  }

  /** A way to open the schedule modal: what counts is which modal opens. */
  private static Attempt opens(BiConsumer<SlackRig, String> trigger) {
    return (rig, s, user) ->
        SlackRig.shown(rig.nextCall(() -> trigger.accept(rig, user), "views.open"));
  }
}
