package dev.candor.core.identity;

import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

/**
 * A person as a platform presents them to Candor. An actor enters the core and is turned into a
 * {@link Pseudonym} before anything about a participant is stored; its fields are never stored or
 * logged for participants. {@link #toString()} deliberately hides the user id.
 *
 * @param platform where the request came from
 * @param tenant the workspace (Slack team id) or tenant (Teams tenant id); {@code "-"} if none
 * @param userId the platform's stable user id
 */
public record Actor(Platform platform, String tenant, String userId) {
  public Actor {
    notNull(platform, "platform");
    notBlank(tenant, "tenant");
    notBlank(userId, "userId");
  }

  public static Actor of(Platform platform, String userId) {
    return new Actor(platform, "-", userId);
  }

  /** The reference used for organizers and moderators, who are not anonymous. */
  public UserRef ref() {
    return new UserRef(platform, userId);
  }

  @Override
  public String toString() {
    return "Actor[" + platform.id() + ", <redacted>]";
  }
}
