package dev.candor.core.delivery;

import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;

/**
 * The outbound port each platform adapter implements. Called only by the outbox worker, one item at
 * a time, after the decision to send was committed. Implementations render the notice and report
 * failures as {@link DeliveryException}.
 */
public interface Messenger {
  Platform platform();

  /** Posts a new message to a channel and returns the platform's reference to it, for edits. */
  String post(ChannelRef channel, Notice notice) throws DeliveryException;

  /** Replaces a message posted earlier (the live board). */
  void update(ChannelRef channel, String messageRef, Notice notice) throws DeliveryException;

  /** Sends a direct message to a named user (moderators and organizers only). */
  void direct(UserRef user, Notice notice) throws DeliveryException;
}
