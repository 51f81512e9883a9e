package dev.candor.core.store;

import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionPolicy;
import java.util.Optional;

/** Per-session presentation and escalation rules, and the presenter link of each session. */
public interface PolicyRepo {
  /** The session's policy, or {@link SessionPolicy#defaults()} if none was saved. */
  SessionPolicy find(SessionId session);

  /** Saves the whole policy of the session. */
  void save(SessionId session, SessionPolicy policy);

  Optional<String> presenterToken(SessionId session);

  /** Sets or replaces the session's presenter token; the old link stops working. */
  void savePresenterToken(SessionId session, String token);

  /** The session a presenter token belongs to. */
  Optional<SessionId> sessionByPresenterToken(String token);
}
