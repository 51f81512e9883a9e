package dev.candor.adapters.teams;

import static dev.candor.adapters.teams.TeamsScene.assertNothingChanged;
import static dev.candor.adapters.teams.TeamsScene.assertPlainRefusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.adapters.teams.TeamsScene.Who;
import dev.candor.core.security.AuthorizationMatrix;
import dev.candor.core.security.AuthorizationMatrix.Row;
import dev.candor.core.security.AuthorizationMatrix.Scene;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@link AuthorizationMatrix} typed to the bot: every privileged command, in a 1:1 chat and as
 * {@code @Candor <row>} in the channel, from a participant, from the moderator of another session,
 * and (for organizer rows) from the session's own moderator, is answered where it was typed with
 * one plain line and changes nothing. The same commands work for whoever holds the role.
 */
class ChatAuthorizationTest {
  /** Commands the channel never answers, whoever types them: they point to a 1:1 chat. */
  private static final Set<String> PRIVATE_ONLY = Set.of("summary", "export");

  /** Where a command is typed. */
  enum Place {
    ONE_TO_ONE_CHAT,
    CHANNEL;

    JsonNode reply(TeamsHarness teams, User from, String text) {
      return this == CHANNEL ? teams.channelReply(from, text) : teams.personalReply(from, text);
    }

    String conversation(User from) {
      return this == CHANNEL ? TeamsActivityJson.CHANNEL : from.personalChat();
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace("_to_", ":").replace('_', ' ');
    }
  }

  static Stream<Arguments> triedWithoutTheRole() {
    return Stream.of(Place.values())
        .flatMap(
            place ->
                Stream.of(Who.values())
                    .flatMap(
                        who ->
                            AuthorizationMatrix.privileged().stream()
                                .filter(row -> !who.holds(row.needs()))
                                .map(row -> arguments(place, who, row.template(), row))));
  }

  static Stream<Row> privileged() {
    return AuthorizationMatrix.privileged().stream();
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

  @ParameterizedTest(name = "{1} in a {0}: {2}")
  @MethodSource("triedWithoutTheRole")
  void givenSomeoneWithoutTheRole_thenTheCommandIsRefusedInOneLineAndNothingChanges(
      Place place, Who who, String typed, Row row) {
    List<String> before = shared.core.dumpAllTables();
    int sent = shared.connector.requests().size();

    JsonNode answer = place.reply(shared, who.user, row.command(sharedScene));

    assertPlainRefusal(
        TeamsHarness.shown(answer),
        place == Place.CHANNEL && PRIVATE_ONLY.contains(verb(row))
            ? ChatCommands.MODERATORS_IN_CHANNEL
            : row.refusal(sharedScene));
    assertNothingChanged(shared, before, sent, place.conversation(who.user));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privileged")
  void givenTheRole_thenTheCommandWorks(Row row) {
    Scene scene = TeamsScene.stage(holders);
    // A session is scheduled from the channel it is for; everything else works in a 1:1 chat.
    Place where = verb(row).equals("schedule") ? Place.CHANNEL : Place.ONE_TO_ONE_CHAT;

    JsonNode answer = where.reply(holders, TeamsScene.holderOf(row), row.command(scene));

    assertThat(TeamsHarness.showsError(answer)).as(answer.toString()).isFalse();
  }

  private static String verb(Row row) {
    return row.template().split(" ", 2)[0];
  }
}
