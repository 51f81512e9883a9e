package dev.candor.core.session;

import dev.candor.core.identity.UserRef;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A listening session as stored: what it is about, when it runs, where it is announced, who
 * moderates it and by which rules. Immutable; services return a new value on every change.
 */
public record ListeningSession(
    SessionId id,
    String title,
    SessionState state,
    Instant startsAt,
    Instant endsAt,
    ZoneId zone,
    List<ChannelRef> audience,
    List<UserRef> moderators,
    UserRef createdBy,
    SessionSettings settings,
    Instant lastReleaseAt) {

  public ListeningSession {
    audience = List.copyOf(audience);
    moderators = List.copyOf(moderators);
  }

  public ListeningSession withState(SessionState newState) {
    return new ListeningSession(
        id,
        title,
        newState,
        startsAt,
        endsAt,
        zone,
        audience,
        moderators,
        createdBy,
        settings,
        lastReleaseAt);
  }

  public boolean isModerator(UserRef user) {
    return moderators.contains(user);
  }
}
