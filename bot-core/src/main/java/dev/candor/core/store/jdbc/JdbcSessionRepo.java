package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.session.SessionState;
import dev.candor.core.store.SeriesRepo;
import dev.candor.core.store.SessionRepo;
import dev.candor.core.summary.Participation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

final class JdbcSessionRepo implements SessionRepo {
  /** Ids per IN list, well below every driver's limit on bind parameters. */
  private static final int IN_LIST_CHUNK = 500;

  private final Handle handle;

  JdbcSessionRepo(Handle handle) {
    this.handle = handle;
  }

  @Override
  public ListeningSession insert(ListeningSession s) {
    notNull(s, "session");
    SessionSettings settings = notNull(s.settings(), "settings");
    UserRef by = s.createdBy();
    long id =
        handle
            .createUpdate(
                "INSERT INTO sessions (title, state, starts_at, ends_at, zone_id,"
                    + " created_by_platform, created_by_user, min_askers, release_interval_ms,"
                    + " premoderated, max_questions, ask_cooldown_ms, reminder_offsets,"
                    + " last_release_at) VALUES (:title, :state, :startsAt, :endsAt, :zone,"
                    + " :byPlatform, :byUser, :minAskers, :releaseMs, :premoderated,"
                    + " :maxQuestions, :cooldownMs, :offsets, :lastRelease)")
            .bind("title", s.title())
            .bind("state", s.state().name())
            .bind("startsAt", Sql.timestamp(s.startsAt()))
            .bind("endsAt", Sql.timestamp(s.endsAt()))
            .bind("zone", s.zone().getId())
            .bind("byPlatform", by == null ? null : by.platform().name())
            .bind("byUser", by == null ? null : by.userId())
            .bind("minAskers", settings.minAskers())
            .bind("releaseMs", settings.releaseInterval().toMillis())
            .bind("premoderated", settings.premoderated())
            .bind("maxQuestions", settings.maxQuestionsPerPerson())
            .bind("cooldownMs", settings.askCooldown().toMillis())
            .bind("offsets", SessionRows.offsets(settings.reminderOffsets()))
            .bind("lastRelease", Sql.timestamp(s.lastReleaseAt()))
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    SessionId sid = new SessionId(id);
    insertChannels(sid, s.audience());
    insertModerators(sid, s.moderators());
    return new ListeningSession(
        sid,
        s.title(),
        s.state(),
        s.startsAt(),
        s.endsAt(),
        s.zone(),
        s.audience(),
        s.moderators(),
        by,
        settings,
        s.lastReleaseAt());
  }

  @Override
  public Optional<ListeningSession> find(SessionId id) {
    return one(id, "");
  }

  @Override
  public Optional<ListeningSession> lock(SessionId id) {
    return one(id, " FOR UPDATE");
  }

  @Override
  public List<ListeningSession> inStates(Collection<SessionState> states) {
    notNull(states, "states");
    if (states.isEmpty()) {
      return List.of();
    }
    List<String> names = states.stream().map(SessionState::name).distinct().toList();
    return withMembers(
        handle
            .createQuery(
                "SELECT "
                    + SessionRows.COLUMNS
                    + " FROM sessions WHERE state IN (<states>)"
                    + " ORDER BY starts_at ASC NULLS LAST, id")
            .bindList("states", names)
            .map((rs, ctx) -> SessionRows.row(rs))
            .list());
  }

  @Override
  public void updateState(SessionId id, SessionState state) {
    notNull(state, "state");
    handle
        .createUpdate("UPDATE sessions SET state = :state WHERE id = :id")
        .bind("state", state.name())
        .bind("id", id.value())
        .execute();
  }

  @Override
  public void updateLastRelease(SessionId id, Instant at) {
    handle
        .createUpdate("UPDATE sessions SET last_release_at = :at WHERE id = :id")
        .bind("at", Sql.timestamp(at))
        .bind("id", id.value())
        .execute();
  }

  @Override
  public void replaceModerators(SessionId id, List<UserRef> moderators) {
    notNull(moderators, "moderators");
    handle
        .createUpdate("DELETE FROM session_moderators WHERE session_id = :id")
        .bind("id", id.value())
        .execute();
    insertModerators(id, moderators);
  }

  @Override
  public void saveFinalParticipation(SessionId id, Participation p) {
    notNull(p, "participation");
    handle
        .createUpdate(
            "UPDATE sessions SET final_askers = :askers, final_voters = :voters,"
                + " final_votes = :votes WHERE id = :id")
        .bind("askers", p.askers())
        .bind("voters", p.voters())
        .bind("votes", p.votes())
        .bind("id", id.value())
        .execute();
  }

  @Override
  public Optional<Participation> finalParticipation(SessionId id) {
    return handle
        .createQuery(
            "SELECT final_askers, final_voters, final_votes FROM sessions"
                + " WHERE id = :id AND final_askers IS NOT NULL")
        .bind("id", id.value())
        .map((rs, ctx) -> new Participation(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
        .findOne();
  }

  @Override
  public void updateTimes(SessionId id, Instant startsAt, Instant endsAt) {
    handle
        .createUpdate("UPDATE sessions SET starts_at = :startsAt, ends_at = :endsAt WHERE id = :id")
        .bind("startsAt", Sql.timestamp(notNull(startsAt, "startsAt")))
        .bind("endsAt", Sql.timestamp(notNull(endsAt, "endsAt")))
        .bind("id", id.value())
        .execute();
  }

  @Override
  public SeriesRepo series() {
    return new JdbcSeriesRepo(handle);
  }

  private Optional<ListeningSession> one(SessionId id, String lockClause) {
    notNull(id, "id");
    List<SessionRows.Row> row =
        handle
            .createQuery(
                "SELECT " + SessionRows.COLUMNS + " FROM sessions WHERE id = :id" + lockClause)
            .bind("id", id.value())
            .map((rs, ctx) -> SessionRows.row(rs))
            .list();
    return withMembers(row).stream().findFirst();
  }

  /**
   * Attaches audience and moderators, looked up by the ids read (not by repeating the query), so
   * that a session changing state meanwhile still comes back whole.
   */
  private List<ListeningSession> withMembers(List<SessionRows.Row> rows) {
    Map<Long, List<ChannelRef>> channels = new HashMap<>();
    Map<Long, List<UserRef>> moderators = new HashMap<>();
    List<Long> ids = rows.stream().map(SessionRows.Row::id).toList();
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
      handle
          .createQuery(
              "SELECT session_id, platform, channel_id FROM session_channels"
                  + " WHERE session_id IN (<ids>) ORDER BY session_id, ord")
          .bindList("ids", chunk)
          .map((rs, ctx) -> Map.entry(rs.getLong(1), SessionRows.channel(rs)))
          .forEach(
              e -> channels.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
      handle
          .createQuery(
              "SELECT session_id, platform, user_id FROM session_moderators"
                  + " WHERE session_id IN (<ids>) ORDER BY session_id, ord")
          .bindList("ids", chunk)
          .map((rs, ctx) -> Map.entry(rs.getLong(1), SessionRows.moderator(rs)))
          .forEach(
              e ->
                  moderators.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    }
    return rows.stream()
        .map(
            r ->
                r.session(
                    channels.getOrDefault(r.id(), List.of()),
                    moderators.getOrDefault(r.id(), List.of())))
        .toList();
  }

  private void insertChannels(SessionId id, List<ChannelRef> channels) {
    insertMembers(
        "session_channels",
        "channel_id",
        id,
        channels,
        ChannelRef::platform,
        ChannelRef::channelId);
  }

  private void insertModerators(SessionId id, List<UserRef> moderators) {
    insertMembers(
        "session_moderators", "user_id", id, moderators, UserRef::platform, UserRef::userId);
  }

  private <M> void insertMembers(
      String table,
      String column,
      SessionId id,
      List<M> members,
      Function<M, Platform> platform,
      Function<M, String> memberId) {
    if (members.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO "
                + table
                + " (session_id, ord, platform, "
                + column
                + ") VALUES (:id, :ord, :platform, :member)");
    for (int i = 0; i < members.size(); i++) {
      M m = members.get(i);
      batch
          .bind("id", id.value())
          .bind("ord", i)
          .bind("platform", platform.apply(m).name())
          .bind("member", memberId.apply(m))
          .add();
    }
    batch.execute();
  }
}
