package dev.candor.core.store.jdbc;

import static dev.candor.core.Checks.notNull;

import dev.candor.core.identity.Pseudonym;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import dev.candor.core.store.VoteRepo;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementException;

final class JdbcVoteRepo implements VoteRepo {
  private final Handle handle;
  private final Dialect dialect;

  JdbcVoteRepo(Handle handle, Dialect dialect) {
    this.handle = handle;
    this.dialect = dialect;
  }

  @Override
  public boolean add(SessionId session, QuestionId question, Pseudonym voter) {
    notNull(voter, "voter");
    try {
      return handle
              .createUpdate(
                  "INSERT INTO votes (question_id, pseudonym, session_id)"
                      + " SELECT :question, :voter, :session WHERE NOT EXISTS"
                      + " (SELECT 1 FROM votes WHERE question_id = :question AND pseudonym = :voter)"
                      + dialect.onConflictDoNothing())
              .bind("question", question.code())
              .bind("voter", voter.value())
              .bind("session", session.value())
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
  public boolean remove(QuestionId question, Pseudonym voter) {
    notNull(voter, "voter");
    return handle
            .createUpdate("DELETE FROM votes WHERE question_id = :question AND pseudonym = :voter")
            .bind("question", question.code())
            .bind("voter", voter.value())
            .execute()
        > 0;
  }

  @Override
  public Map<QuestionId, Integer> tallies(SessionId session) {
    Map<QuestionId, Integer> tallies = new HashMap<>();
    handle
        .createQuery(
            "SELECT question_id, COUNT(*) FROM votes WHERE session_id = :session"
                + " GROUP BY question_id")
        .bind("session", session.value())
        .map((rs, ctx) -> Map.entry(new QuestionId(rs.getString(1)), rs.getInt(2)))
        .forEach(e -> tallies.put(e.getKey(), e.getValue()));
    return tallies;
  }

  @Override
  public int tally(QuestionId question) {
    return handle
        .createQuery("SELECT COUNT(*) FROM votes WHERE question_id = :question")
        .bind("question", question.code())
        .mapTo(Integer.class)
        .one();
  }

  @Override
  public void mergeInto(QuestionId from, QuestionId to) {
    notNull(from, "from");
    notNull(to, "to");
    if (from.equals(to)) {
      return;
    }
    // A set union: someone who voted on both questions keeps one vote on the survivor.
    handle
        .createUpdate(
            "INSERT INTO votes (question_id, pseudonym, session_id)"
                + " SELECT :to, f.pseudonym, f.session_id FROM votes f WHERE f.question_id = :from"
                + " AND NOT EXISTS (SELECT 1 FROM votes t"
                + " WHERE t.question_id = :to AND t.pseudonym = f.pseudonym)"
                + dialect.onConflictDoNothing())
        .bind("from", from.code())
        .bind("to", to.code())
        .execute();
    deleteQuestion(from);
  }

  @Override
  public Set<QuestionId> votedBy(SessionId session, Pseudonym voter) {
    notNull(voter, "voter");
    return new HashSet<>(
        handle
            .createQuery(
                "SELECT question_id FROM votes WHERE session_id = :session AND pseudonym = :voter")
            .bind("session", session.value())
            .bind("voter", voter.value())
            .map((rs, ctx) -> new QuestionId(rs.getString(1)))
            .list());
  }

  @Override
  public int distinctVoters(SessionId session) {
    return count(
        "SELECT COUNT(DISTINCT pseudonym) FROM votes WHERE session_id = :session", session);
  }

  @Override
  public int total(SessionId session) {
    return count("SELECT COUNT(*) FROM votes WHERE session_id = :session", session);
  }

  @Override
  public void deleteQuestion(QuestionId question) {
    handle
        .createUpdate("DELETE FROM votes WHERE question_id = :question")
        .bind("question", question.code())
        .execute();
  }

  @Override
  public void deleteSession(SessionId session) {
    handle
        .createUpdate("DELETE FROM votes WHERE session_id = :session")
        .bind("session", session.value())
        .execute();
  }

  @Override
  public int distinctVoters(Collection<QuestionId> questions) {
    notNull(questions, "questions");
    if (questions.isEmpty()) {
      return 0;
    }
    return handle
        .createQuery("SELECT COUNT(DISTINCT pseudonym) FROM votes WHERE question_id IN (<ids>)")
        .bindList("ids", questions.stream().map(QuestionId::code).distinct().toList())
        .mapTo(Integer.class)
        .one();
  }

  private int count(String sql, SessionId session) {
    return handle.createQuery(sql).bind("session", session.value()).mapTo(Integer.class).one();
  }
}
