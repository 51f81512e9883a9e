package dev.candor.core.identity;

import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

import dev.candor.core.CandorException;

/**
 * A named, non-anonymous user: an organizer or a moderator. Written {@code platform:user}, e.g.
 * {@code slack:U024BE7LH}. Participants are never represented by a {@code UserRef} in storage.
 */
public record UserRef(Platform platform, String userId) {
  public UserRef {
    notNull(platform, "platform");
    notBlank(userId, "userId");
  }

  /**
   * Parses {@code platform:user}, or a bare user (or a Slack mention {@code <@U123>}) on {@code
   * defaultPlatform}.
   */
  public static UserRef parse(String text, Platform defaultPlatform) {
    String t = text.trim();
    if (t.startsWith("<@") && t.endsWith(">")) {
      t = t.substring(2, t.length() - 1);
      int bar = t.indexOf('|');
      if (bar >= 0) {
        t = t.substring(0, bar);
      }
    } else if (t.startsWith("@")) {
      t = t.substring(1);
    }
    int colon = t.indexOf(':');
    if (colon > 0) {
      String maybePlatform = t.substring(0, colon);
      for (Platform p : Platform.values()) {
        if (p.id().equalsIgnoreCase(maybePlatform)) {
          String user = t.substring(colon + 1);
          if (user.isBlank()) {
            throw CandorException.invalid(
                "'"
                    + text
                    + "' names no user. Write a user as platform:user, e.g. slack:U024BE7LH.");
          }
          return new UserRef(p, user);
        }
      }
    }
    if (t.isBlank()) {
      throw CandorException.invalid(
          "A user may not be empty. Write a user as platform:user, e.g. slack:U024BE7LH.");
    }
    return new UserRef(defaultPlatform, t);
  }

  @Override
  public String toString() {
    return platform.id() + ":" + userId;
  }
}
