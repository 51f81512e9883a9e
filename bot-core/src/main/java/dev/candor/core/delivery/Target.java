package dev.candor.core.delivery;

import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;

/**
 * Where an outbound message goes: a channel, or a direct message to a named (non-anonymous) user.
 */
public record Target(Kind kind, Platform platform, String address) {
  public enum Kind {
    CHANNEL,
    DIRECT
  }

  public static Target channel(ChannelRef c) {
    return new Target(Kind.CHANNEL, c.platform(), c.channelId());
  }

  public static Target direct(UserRef u) {
    return new Target(Kind.DIRECT, u.platform(), u.userId());
  }

  public ChannelRef asChannel() {
    return new ChannelRef(platform, address);
  }

  public UserRef asUser() {
    return new UserRef(platform, address);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + platform.id() + ":" + address;
  }
}
