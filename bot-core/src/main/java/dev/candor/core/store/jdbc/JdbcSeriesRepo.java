package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.question.QuestionId;
import dev.candor.core.series.Occurrence;
import dev.candor.core.series.Recurrence;
import dev.candor.core.series.SeriesId;
import dev.candor.core.series.SessionSeries;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.SeriesRepo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcSeriesRepo implements SeriesRepo {
  private static final String COLUMNS =
      "id, title, every_n, unit, local_time, zone_id, first_date, duration_seconds,"
          + " last_occurrence";
  private static final String OCCURRENCE = "SELECT series_id, occurrence, id FROM sessions";

  private final Handle handle;

  JdbcSeriesRepo(Handle handle) {
    this.handle = handle;
  }

  @Override
  public SessionSeries insert(SessionSeries s) {
    notNull(s, "series");
    long id =
        handle
            .createUpdate(
                "INSERT INTO series (title, every_n, unit, local_time, zone_id, first_date,"
                    + " duration_seconds, last_occurrence) VALUES (:title, :every, :unit, :time,"
                    + " :zone, :first, :seconds, :last)")
            .bind("title", s.title())
            .bind("every", s.rule().every())
            .bind("unit", s.rule().unit().name())
            .bind("time", s.rule().time())
            .bind("zone", s.rule().zone().getId())
            .bind("first", s.firstDate())
            .bind("seconds", s.duration().toSeconds())
            .bind("last", s.lastOccurrence())
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    return s.withId(new SeriesId(id));
  }

  @Override
  public Optional<SessionSeries> find(SeriesId id) {
    return one(id, "");
  }

  @Override
  public Optional<SessionSeries> lock(SeriesId id) {
    return one(id, " FOR UPDATE");
  }

  @Override
  public List<SessionSeries> running() {
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM series WHERE last_occurrence IS NULL ORDER BY id")
        .map((rs, ctx) -> series(rs))
        .list();
  }

  @Override
  public void stopAfter(SeriesId id, int lastOccurrence) {
    handle
        .createUpdate("UPDATE series SET last_occurrence = :last WHERE id = :id")
        .bind("last", lastOccurrence)
        .bind("id", id.value())
        .execute();
  }

  @Override
  public void link(SessionId session, SeriesId series, int number) {
    handle
        .createUpdate("UPDATE sessions SET series_id = :series, occurrence = :n WHERE id = :id")
        .bind("series", series.value())
        .bind("n", number)
        .bind("id", session.value())
        .execute();
  }

  @Override
  public Optional<Occurrence> occurrenceOf(SessionId session) {
    return handle
        .createQuery(OCCURRENCE + " WHERE id = :id AND series_id IS NOT NULL")
        .bind("id", session.value())
        .map((rs, ctx) -> occurrence(rs))
        .findOne();
  }

  @Override
  public Optional<Occurrence> latest(SeriesId series) {
    return handle
        .createQuery(OCCURRENCE + " WHERE series_id = :series ORDER BY occurrence DESC LIMIT 1")
        .bind("series", series.value())
        .map((rs, ctx) -> occurrence(rs))
        .findOne();
  }

  @Override
  public Optional<Occurrence> after(SeriesId series, int number) {
    return handle
        .createQuery(
            OCCURRENCE
                + " WHERE series_id = :series AND occurrence > :n ORDER BY occurrence LIMIT 1")
        .bind("series", series.value())
        .bind("n", number)
        .map((rs, ctx) -> occurrence(rs))
        .findOne();
  }

  @Override
  public void markCarried(QuestionId question, SessionId from) {
    handle
        .createUpdate("UPDATE questions SET carried_from = :from WHERE id = :id")
        .bind("from", from.value())
        .bind("id", question.code())
        .execute();
  }

  @Override
  public Map<QuestionId, SessionId> carried(SessionId session) {
    Map<QuestionId, SessionId> carried = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT id, carried_from FROM questions WHERE session_id = :session"
                + " AND carried_from IS NOT NULL ORDER BY release_seq")
        .bind("session", session.value())
        .map((rs, ctx) -> Map.entry(new QuestionId(rs.getString(1)), new SessionId(rs.getLong(2))))
        .forEach(e -> carried.put(e.getKey(), e.getValue()));
    return carried;
  }

  private Optional<SessionSeries> one(SeriesId id, String lockClause) {
    notNull(id, "id");
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM series WHERE id = :id" + lockClause)
        .bind("id", id.value())
        .map((rs, ctx) -> series(rs))
        .findOne();
  }

  private static SessionSeries series(ResultSet rs) throws SQLException {
    LocalDate first = rs.getObject("first_date", LocalDate.class);
    Recurrence rule =
        Recurrence.stored(
            rs.getInt("every_n"),
            Recurrence.Unit.valueOf(rs.getString("unit")),
            rs.getObject("local_time", LocalTime.class),
            ZoneId.of(rs.getString("zone_id")),
            first);
    int stored = rs.getInt("last_occurrence");
    Integer last = rs.wasNull() ? null : stored;
    return new SessionSeries(
        new SeriesId(rs.getLong("id")),
        rs.getString("title"),
        rule,
        first,
        Duration.ofSeconds(rs.getLong("duration_seconds")),
        last);
  }

  private static Occurrence occurrence(ResultSet rs) throws SQLException {
    return new Occurrence(new SeriesId(rs.getLong(1)), rs.getInt(2), new SessionId(rs.getLong(3)));
  }
}
