package dev.candor.core.session;

import static dev.candor.core.Checks.notBlank;
import static dev.candor.core.Checks.notNull;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Platform;

/**
 * A channel on a platform, part of a session's audience: written {@code platform:channel}, e.g.
 * {@code slack:C0123} or {@code teams:19:abc@thread.tacv2}.
 */
public record ChannelRef(Platform platform, String channelId) {
  public ChannelRef {
    notNull(platform, "platform");
    notBlank(channelId, "channelId");
  }

  /** Parses {@code platform:channel}; a bare channel is on {@code defaultPlatform}. */
  public static ChannelRef parse(String text, Platform defaultPlatform) {
    String t = text.trim();
    if (t.startsWith("<#") && t.endsWith(">")) {
      t = t.substring(2, t.length() - 1);
      int bar = t.indexOf('|');
      if (bar >= 0) {
        t = t.substring(0, bar);
      }
    }
    int colon = t.indexOf(':');
    if (colon > 0) {
      String head = t.substring(0, colon);
      for (Platform p : Platform.values()) {
        if (p.id().equalsIgnoreCase(head)) {
          String rest = t.substring(colon + 1);
          if (rest.isBlank()) {
            break;
          }
          return new ChannelRef(p, rest);
        }
      }
    }
    if (t.isBlank()) {
      throw CandorException.invalid(
          "A channel may not be empty. Write platform:channel, e.g. slack:C0123.");
    }
    return new ChannelRef(defaultPlatform, t);
  }

  @Override
  public String toString() {
    return platform.id() + ":" + channelId;
  }
}
