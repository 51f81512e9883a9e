package dev.candor.core.store;

import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionState;
import dev.candor.core.summary.Participation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Sessions, their audience and their moderators. */
public interface SessionRepo {
  /** Stores a new session (its id is ignored) and returns it with the id it was given. */
  ListeningSession insert(ListeningSession session);

  Optional<ListeningSession> find(SessionId id);

  /** Finds and row-locks the session until the transaction ends, serialising state changes. */
  Optional<ListeningSession> lock(SessionId id);

  /** Sessions in any of the states, soonest start first. */
  List<ListeningSession> inStates(Collection<SessionState> states);

  void updateState(SessionId id, SessionState state);

  void updateLastRelease(SessionId id, Instant at);

  void replaceModerators(SessionId id, List<UserRef> moderators);

  /** Freezes the participation figures when vote rows are collapsed at archive. */
  void saveFinalParticipation(SessionId id, Participation participation);

  Optional<Participation> finalParticipation(SessionId id);

  /** Moves a session (reschedule): new start and end. */
  void updateTimes(SessionId id, Instant startsAt, Instant endsAt);

  /** Series of recurring sessions, in the same transaction. */
  SeriesRepo series();
}
