package dev.candor.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.identity.Platform;
import dev.candor.core.identity.Role;
import dev.candor.core.identity.UserRef;
import dev.candor.core.security.AuthorizationMatrix;
import dev.candor.core.security.AuthorizationMatrix.Row;
import dev.candor.core.security.AuthorizationMatrix.Scene;
import java.util.List;
import java.util.Locale;

/**
 * The {@link AuthorizationMatrix}'s scene cast with Slack users, for the tests that drive its rows
 * through Slack: who tries, who holds each role, and what a refusal must look like.
 */
final class SlackScene {
  /** Moderates the scene's foreign session only. */
  static final String OTHER_MODERATOR = "U0OTHERMOD";

  private SlackScene() {}

  /** The Slack people who try what a row does. */
  enum Who {
    PARTICIPANT(SlackRig.participant(7)),
    MODERATOR_OF_ANOTHER_SESSION(OTHER_MODERATOR),
    MODERATOR_OF_THE_SESSION(SlackRig.MODERATOR);

    final String user;

    Who(String user) {
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
   * Stages the scene in the rig's core: {@link SlackRig#MODERATOR} moderates the sessions rows act
   * on, {@link #OTHER_MODERATOR} the foreign one; {@link SlackRig#ORGANIZER} is an organizer.
   */
  static Scene stage(SlackRig rig) {
    return AuthorizationMatrix.stage(
        rig.core,
        new UserRef(Platform.SLACK, SlackRig.MODERATOR),
        new UserRef(Platform.SLACK, OTHER_MODERATOR));
  }

  /** The Slack user holding the weakest role the row needs. */
  static String holderOf(Row row) {
    return row.needs() == Role.ORGANIZER ? SlackRig.ORGANIZER : SlackRig.MODERATOR;
  }

  /** One plain line, the row's refusal, with or without the error mark of a message. */
  static void assertPlainRefusal(String shown, Row row, Scene scene) {
    String line = shown.startsWith("✗ ") ? shown.substring(2) : shown;
    assertThat(line)
        .startsWith(row.refusal(scene))
        .doesNotContain("\n", "Exception", "Something went wrong", "Working on it");
  }

  /** Not a row of the database changed, and nothing was posted or edited in the channel. */
  static void assertNothingChanged(SlackRig rig, List<String> tablesBefore, int callsBefore) {
    assertThat(rig.core.dumpAllTables()).isEqualTo(tablesBefore);
    assertThat(rig.slack.calls().stream().skip(callsBefore))
        .as("nothing posted or edited in the channel")
        .noneMatch(c -> SlackRig.CHANNEL.equals(c.param("channel")));
  }
}
