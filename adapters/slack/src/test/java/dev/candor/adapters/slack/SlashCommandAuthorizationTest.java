package dev.candor.adapters.slack;

import static dev.candor.adapters.slack.SlackScene.assertNothingChanged;
import static dev.candor.adapters.slack.SlackScene.assertPlainRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.candor.adapters.slack.SlackScene.Who;
import dev.candor.core.security.AuthorizationMatrix;
import dev.candor.core.security.AuthorizationMatrix.Row;
import dev.candor.core.security.AuthorizationMatrix.Scene;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link AuthorizationMatrix} typed as {@code /candor <row>}: every privileged command, from a
 * participant, from the moderator of another session, and (for organizer rows) from the session's
 * own moderator, is answered privately with the core's one-line refusal and changes nothing. The
 * same commands work for whoever holds the role, so the refusals come from the role.
 */
class SlashCommandAuthorizationTest {

  static Stream<Arguments> triedWithoutTheRole() {
    return Stream.of(Who.values())
        .flatMap(
            who ->
                AuthorizationMatrix.privileged().stream()
                    .filter(row -> !who.holds(row.needs()))
                    .map(row -> arguments(who, row.template(), row)));
  }

  static Stream<Row> privileged() {
    return AuthorizationMatrix.privileged().stream();
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

  @ParameterizedTest(name = "{0}: /candor {1}")
  @MethodSource("triedWithoutTheRole")
  void givenSomeoneWithoutTheRole_thenTheCommandIsRefusedPrivatelyAndNothingChanges(
      Who who, String typed, Row row) {
    List<String> before = shared.core.dumpAllTables();
    int calls = shared.slack.calls().size();

    String answer = shared.slashAnswer(who.user, row.command(sharedScene));

    assertPlainRefusal(answer, row, sharedScene);
    assertNothingChanged(shared, before, calls);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privileged")
  void givenTheRole_thenTheCommandWorks(Row row) {
    Scene scene = SlackScene.stage(holders);

    String answer = holders.slashAnswer(SlackScene.holderOf(row), row.command(scene));

    assertThat(answer).isNotBlank().doesNotStartWith("✗");
  }
}
