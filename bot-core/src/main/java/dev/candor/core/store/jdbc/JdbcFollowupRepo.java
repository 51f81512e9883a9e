package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.FollowupRepo;
import dev.candor.core.summary.Followup;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

final class JdbcFollowupRepo implements FollowupRepo {
  private static final String COLUMNS = "question_id, session_id, owner, due_on, done, closed_at";
  private static final String UPSERT_H2 =
      "MERGE INTO followups ("
          + COLUMNS
          + ") KEY (question_id)"
          + " VALUES (:question, :session, :owner, :due, :done, :closed)";
  private static final String UPSERT_POSTGRES =
      "INSERT INTO followups ("
          + COLUMNS
          + ") VALUES (:question, :session, :owner, :due, :done,"
          + " :closed) ON CONFLICT (question_id) DO UPDATE SET owner = EXCLUDED.owner,"
          + " due_on = EXCLUDED.due_on, done = EXCLUDED.done, closed_at = EXCLUDED.closed_at";
  private static final int IN_LIST_CHUNK = 500;

  private final Handle handle;
  private final Dialect dialect;

  JdbcFollowupRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public Optional<Followup> find(QuestionId question) {
    notNull(question, "question");
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM followups WHERE question_id = :question")
        .bind("question", question.code())
        .map((rs, ctx) -> row(rs))
        .findOne();
  }

  @Override
  public void save(Followup f) {
    notNull(f, "followup");
    handle
        .createUpdate(dialect == Dialect.POSTGRES ? UPSERT_POSTGRES : UPSERT_H2)
        .bind("question", f.question().code())
        .bind("session", f.session().value())
        .bind("owner", Sql.fit(f.owner(), Followup.MAX_OWNER))
        .bind("due", f.due() == null ? null : Date.valueOf(f.due()))
        .bind("done", f.done())
        .bind("closed", Sql.timestamp(f.closedAt()))
        .execute();
  }

  @Override
  public List<Followup> bySession(SessionId session) {
    notNull(session, "session");
    return handle
        .createQuery(
            "SELECT "
                + COLUMNS
                + " FROM followups WHERE session_id = :session"
                + " ORDER BY question_id")
        .bind("session", session.value())
        .map((rs, ctx) -> row(rs))
        .list();
  }

  @Override
  public List<Followup> bySessions(Collection<SessionId> sessions) {
    notNull(sessions, "sessions");
    List<Long> ids = sessions.stream().map(SessionId::value).distinct().sorted().toList();
    List<Followup> all = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
      all.addAll(
          handle
              .createQuery(
                  "SELECT "
                      + COLUMNS
                      + " FROM followups WHERE session_id IN (<ids>)"
                      + " ORDER BY session_id, question_id")
              .bindList("ids", ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK)))
              .map((rs, ctx) -> row(rs))
              .list());
    }
    return all;
  }

  private static Followup row(ResultSet rs) throws SQLException {
    Date due = rs.getDate("due_on");
    return new Followup(
        new QuestionId(rs.getString("question_id")),
        new SessionId(rs.getLong("session_id")),
        rs.getString("owner"),
        due == null ? null : due.toLocalDate(),
        rs.getBoolean("done"),
        Sql.instant(rs, "closed_at"));
  }
}
