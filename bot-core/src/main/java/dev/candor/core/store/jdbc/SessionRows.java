package dev.candor.core.store.jdbc;

import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.session.SessionState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Mapping between session rows and {@link ListeningSession}, apart from the SQL around it. */
final class SessionRows {
  static final String COLUMNS =
      "id, title, state, starts_at, ends_at, zone_id, created_by_platform, created_by_user,"
          + " min_askers, release_interval_ms, premoderated, max_questions, ask_cooldown_ms,"
          + " reminder_offsets, last_release_at";

  private SessionRows() {}

  /** A sessions row before its channels and moderators are attached. */
  record Row(
      long id,
      String title,
      SessionState state,
      Instant startsAt,
      Instant endsAt,
      ZoneId zone,
      UserRef createdBy,
      SessionSettings settings,
      Instant lastReleaseAt) {

    ListeningSession session(List<ChannelRef> audience, List<UserRef> moderators) {
      return new ListeningSession(
          new SessionId(id),
          title,
          state,
          startsAt,
          endsAt,
          zone,
          audience,
          moderators,
          createdBy,
          settings,
          lastReleaseAt);
    }
  }

  static Row row(ResultSet rs) throws SQLException {
    String byPlatform = rs.getString("created_by_platform");
    UserRef by =
        byPlatform == null
            ? null
            : new UserRef(Platform.valueOf(byPlatform), rs.getString("created_by_user"));
    SessionSettings settings =
        new SessionSettings(
            rs.getInt("min_askers"),
            Duration.ofMillis(rs.getLong("release_interval_ms")),
            rs.getBoolean("premoderated"),
            rs.getInt("max_questions"),
            Duration.ofMillis(rs.getLong("ask_cooldown_ms")),
            offsets(rs.getString("reminder_offsets")));
    return new Row(
        rs.getLong("id"),
        rs.getString("title"),
        SessionState.valueOf(rs.getString("state")),
        Sql.instant(rs, "starts_at"),
        Sql.instant(rs, "ends_at"),
        ZoneId.of(rs.getString("zone_id")),
        by,
        settings,
        Sql.instant(rs, "last_release_at"));
  }

  static ChannelRef channel(ResultSet rs) throws SQLException {
    return new ChannelRef(Platform.valueOf(rs.getString("platform")), rs.getString("channel_id"));
  }

  static UserRef moderator(ResultSet rs) throws SQLException {
    return new UserRef(Platform.valueOf(rs.getString("platform")), rs.getString("user_id"));
  }

  /** Reminder offsets as whole seconds, comma-separated; sub-second parts are dropped. */
  static String offsets(List<Duration> offsets) {
    return offsets.stream().map(d -> Long.toString(d.toSeconds())).collect(Collectors.joining(","));
  }

  static List<Duration> offsets(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Duration> out = new ArrayList<>();
    for (String part : text.split(",")) {
      out.add(Duration.ofSeconds(Long.parseLong(part.trim())));
    }
    return out;
  }
}
