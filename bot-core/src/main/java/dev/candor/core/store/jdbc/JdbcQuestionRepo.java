package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.identity.Pseudonym;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.QuestionRepo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;

final class JdbcQuestionRepo implements QuestionRepo {
  private static final String COLUMNS =
      "id, session_id, text, status, author_pseudonym, approved, hidden_reason, answer,"
          + " merged_into, released_at, release_seq, archived_votes";

  private final Handle handle;
  private final Dialect dialect;

  JdbcQuestionRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public boolean insert(Question q) {
    notNull(q, "question");
    try {
      return handle
              .createUpdate(
                  "INSERT INTO questions ("
                      + COLUMNS
                      + ")"
                      + " SELECT :id, :session, :text, :status, :author, :approved, :hiddenReason,"
                      + " :answer, :mergedInto, :releasedAt, :releaseSeq, :archivedVotes"
                      + " WHERE NOT EXISTS (SELECT 1 FROM questions WHERE id = :id)"
                      + dialect.onConflictDoNothing())
              .bind("id", q.id().code())
              .bind("session", q.session().value())
              .bind("text", q.text())
              .bind("status", q.status().name())
              .bind("author", q.author() == null ? null : q.author().value())
              .bind("approved", q.approved())
              .bind("hiddenReason", q.hiddenReason())
              .bind("answer", q.answer())
              .bind("mergedInto", q.mergedInto() == null ? null : q.mergedInto().code())
              .bind("releasedAt", Sql.timestamp(q.releasedAt()))
              .bind("releaseSeq", q.releaseSeq())
              .bind("archivedVotes", q.archivedVotes())
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
  public Optional<Question> find(QuestionId id) {
    notNull(id, "id");
    return handle
        .createQuery("SELECT " + COLUMNS + " FROM questions WHERE id = :id")
        .bind("id", id.code())
        .map((rs, ctx) -> question(rs))
        .findOne();
  }

  @Override
  public List<Question> bySession(SessionId session) {
    // Ordered by id, which is random, so the order says nothing about when questions came in.
    return handle
        .createQuery(
            "SELECT " + COLUMNS + " FROM questions WHERE session_id = :session ORDER BY id")
        .bind("session", session.value())
        .map((rs, ctx) -> question(rs))
        .list();
  }

  @Override
  public int countByAuthor(SessionId session, Pseudonym author) {
    notNull(author, "author");
    return handle
        .createQuery(
            "SELECT COUNT(*) FROM questions WHERE session_id = :session AND author_pseudonym = :a")
        .bind("session", session.value())
        .bind("a", author.value())
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public int distinctAskers(SessionId session) {
    return handle
        .createQuery(
            "SELECT COUNT(DISTINCT author_pseudonym) FROM questions WHERE session_id = :session")
        .bind("session", session.value())
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public long maxReleaseSeq(SessionId session) {
    return handle
        .createQuery(
            "SELECT COALESCE(MAX(release_seq), 0) FROM questions WHERE session_id = :session")
        .bind("session", session.value())
        .mapTo(Long.class)
        .one();
  }

  @Override
  public void update(Question q) {
    notNull(q, "question");
    handle
        .createUpdate(
            "UPDATE questions SET status = :status, approved = :approved,"
                + " hidden_reason = :hiddenReason, answer = :answer, merged_into = :mergedInto,"
                + " released_at = :releasedAt, release_seq = :releaseSeq WHERE id = :id")
        .bind("status", q.status().name())
        .bind("approved", q.approved())
        .bind("hiddenReason", q.hiddenReason())
        .bind("answer", q.answer())
        .bind("mergedInto", q.mergedInto() == null ? null : q.mergedInto().code())
        .bind("releasedAt", Sql.timestamp(q.releasedAt()))
        .bind("releaseSeq", q.releaseSeq())
        .bind("id", q.id().code())
        .execute();
  }

  @Override
  public void delete(QuestionId id) {
    handle.createUpdate("DELETE FROM questions WHERE id = :id").bind("id", id.code()).execute();
  }

  @Override
  public void freezeTalliesAndForgetAuthors(SessionId session) {
    // GREATEST keeps a tally frozen by an earlier run once the vote rows are gone, so a repeated
    // archive (a duplicate scheduler firing) cannot zero it.
    handle
        .createUpdate(
            "UPDATE questions q SET author_pseudonym = NULL, archived_votes = GREATEST("
                + "q.archived_votes, (SELECT COUNT(*) FROM votes v WHERE v.question_id = q.id))"
                + " WHERE q.session_id = :session")
        .bind("session", session.value())
        .execute();
  }

  private static Question question(ResultSet rs) throws SQLException {
    String author = rs.getString("author_pseudonym");
    String mergedInto = rs.getString("merged_into");
    return new Question(
        new QuestionId(rs.getString("id")),
        new SessionId(rs.getLong("session_id")),
        rs.getString("text"),
        QuestionStatus.valueOf(rs.getString("status")),
        author == null ? null : new Pseudonym(author),
        rs.getBoolean("approved"),
        rs.getString("hidden_reason"),
        rs.getString("answer"),
        mergedInto == null ? null : new QuestionId(mergedInto),
        Sql.instant(rs, "released_at"),
        rs.getLong("release_seq"),
        rs.getInt("archived_votes"));
  }
}
