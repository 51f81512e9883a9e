package dev.candor.core.session;

import java.util.Optional;

/**
 * What happens after a session ends (closed or cancelled), once that change is committed: a
 * recurring session makes its next occurrence. Implemented by the series feature; a no-op without
 * it. A failure here never undoes the close or the cancel.
 */
public interface SessionFollowUp {
  /** Returns the session made in consequence, for the scheduler to plan. */
  Optional<ListeningSession> ended(ListeningSession session);

  SessionFollowUp NONE = session -> Optional.empty();
}
