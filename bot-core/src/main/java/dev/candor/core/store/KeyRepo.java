package dev.candor.core.store;

import dev.candor.core.session.SessionId;
import java.util.Optional;

/** Session keys, stored only wrapped under the master key. */
public interface KeyRepo {
  void insert(SessionId session, byte[] wrappedKey);

  Optional<byte[]> find(SessionId session);

  void delete(SessionId session);
}
