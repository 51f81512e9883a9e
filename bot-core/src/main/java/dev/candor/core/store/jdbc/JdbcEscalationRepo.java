package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.EscalationRepo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;

final class JdbcEscalationRepo implements EscalationRepo {
  private final Handle handle;
  private final Dialect dialect;

  JdbcEscalationRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public boolean add(SessionId session, QuestionId question, int threshold) {
    notNull(session, "session");
    notNull(question, "question");
    try {
      return handle
              .createUpdate(
                  "INSERT INTO escalations (question_id, session_id, threshold)"
                      + " SELECT :question, :session, :threshold WHERE NOT EXISTS"
                      + " (SELECT 1 FROM escalations WHERE question_id = :question)"
                      + dialect.onConflictDoNothing())
              .bind("question", question.code())
              .bind("session", session.value())
              .bind("threshold", threshold)
              .execute()
          == 1;
    } catch (StatementException e) {
      if (Sql.isUniqueViolation(e)) {
        return false;
      }
      throw e;
    }
  }

  @Override
  public Map<QuestionId, Integer> bySession(SessionId session) {
    notNull(session, "session");
    Map<QuestionId, Integer> found = new LinkedHashMap<>();
    handle
        .createQuery(
            "SELECT question_id, threshold FROM escalations WHERE session_id = :session"
                + " ORDER BY question_id")
        .bind("session", session.value())
        .map((rs, ctx) -> Map.entry(new QuestionId(rs.getString(1)), rs.getInt(2)))
        .forEach(e -> found.put(e.getKey(), e.getValue()));
    return found;
  }
}
