package dev.candor.core.store;

import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import java.util.Optional;

/** Where each session's live board was posted in each channel, so it can be edited in place. */
public interface BoardMessageRepo {
  Optional<String> find(SessionId session, ChannelRef channel);

  void save(SessionId session, ChannelRef channel, String messageRef);
}
