package dev.candor.core.command;

import dev.candor.core.Checks;
import dev.candor.core.identity.Actor;
import dev.candor.core.session.ChannelRef;

/**
 * Who typed a command, and where: the channel decides which session an {@code ask} without a
 * session id belongs to, and is the default audience of {@code schedule}.
 */
public record CommandContext(Actor actor, ChannelRef channel) {
  public CommandContext {
    Checks.notNull(actor, "actor");
    Checks.notNull(channel, "channel");
  }
}
