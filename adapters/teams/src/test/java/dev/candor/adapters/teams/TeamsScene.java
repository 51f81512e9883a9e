package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.Role;
import dev.candor.core.identity.UserRef;
import dev.candor.core.security.AuthorizationMatrix;
import dev.candor.core.security.AuthorizationMatrix.Row;
import dev.candor.core.security.AuthorizationMatrix.Scene;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import java.util.Locale;

/**
 * The {@link AuthorizationMatrix}'s scene cast with Teams users, for the tests that drive its rows
 * through Teams: who tries, who holds each role, and what a refusal must look like.
 */
final class TeamsScene {
  /** Moderates the scene's foreign session only. */
  static final User OTHER_MODERATOR = TeamsActivityJson.user("other-moderator");

  private TeamsScene() {}

  /** The Teams people who try what a row does. */
  enum Who {
    PARTICIPANT(TeamsActivityJson.user("participant-7")),
    MODERATOR_OF_ANOTHER_SESSION(OTHER_MODERATOR),
    MODERATOR_OF_THE_SESSION(TeamsHarness.MODERATOR);

    final User user;

    Who(User user) {
      this.user = user;
    }

    /** Whether they hold {@code needed} over the sessions rows act on. */
    boolean holds(Role needed) {
      return this == MODERATOR_OF_THE_SESSION && needed == Role.MODERATOR;
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * Installs the bot in the channel (so that later activities store nothing new) and stages the
   * scene in the harness's core: {@link TeamsHarness#MODERATOR} moderates the sessions rows act on,
   * {@link #OTHER_MODERATOR} the foreign one; {@link TeamsHarness#ORGANIZER} is an organizer.
   */
  static Scene stage(TeamsHarness teams) {
    teams.install();
    Scene scene =
        AuthorizationMatrix.stage(
            teams.core,
            new UserRef(Platform.TEAMS, TeamsHarness.MODERATOR.aadObjectId()),
            new UserRef(Platform.TEAMS, OTHER_MODERATOR.aadObjectId()));
    return scene;
  }

  /**
   * A harness for role holders, each staging a scene of their own: its sessions are announced in a
   * console channel, since delivering every scene's announcements and boards through the Bot
   * Framework would double the time and prove nothing about roles.
   */
  static TeamsHarness forRoleHolders() {
    return TeamsHarness.local(b -> b.withChannels(TestCandor.CHANNEL));
  }

  /** The Teams user holding the weakest role the row needs. */
  static User holderOf(Row row) {
    return row.needs() == Role.ORGANIZER ? TeamsHarness.ORGANIZER : TeamsHarness.MODERATOR;
  }

  /** One plain line that starts with {@code refusal}, as a card shows it. */
  static void assertPlainRefusal(String shown, String refusal) {
    assertThat(shown)
        .startsWith(CardText.escape(refusal))
        .doesNotContain("\n", "Exception", CommandRunner.APOLOGY, TaskModules.OUT_OF_DATE);
  }

  /**
   * Not a row of the database changed, and the bot sent nothing since {@code requestsBefore} but
   * the answers in {@code answeredIn} (none for a button or dialog, which answer in the invoke).
   */
  static void assertNothingChanged(
      TeamsHarness teams, List<String> tablesBefore, int requestsBefore, String... answeredIn) {
    assertThat(teams.core.dumpAllTables()).isEqualTo(tablesBefore);
    List<FakeConnector.Request> since =
        teams.connector.requests().stream().skip(requestsBefore).toList();
    assertThat(since)
        .as("what the bot sent")
        .hasSize(answeredIn.length)
        .allMatch(r -> r.method().equals("POST"))
        .extracting(r -> TeamsActivities.baseConversationId(r.path().split("/")[3]))
        .containsExactly(answeredIn);
  }
}
