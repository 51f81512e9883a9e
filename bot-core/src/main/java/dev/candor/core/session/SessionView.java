package dev.candor.core.session;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A session as adapters show it. Safe to show to anyone: it names no participant. */
public record SessionView(
    SessionId id,
    String title,
    SessionState state,
    Instant startsAt,
    Instant endsAt,
    ZoneId zone,
    List<ChannelRef> audience,
    int minAskers) {

  public static SessionView of(ListeningSession s) {
    return new SessionView(
        s.id(),
        s.title(),
        s.state(),
        s.startsAt(),
        s.endsAt(),
        s.zone(),
        s.audience(),
        s.settings().minAskers());
  }
}
