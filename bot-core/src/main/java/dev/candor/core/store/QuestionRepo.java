package dev.candor.core.store;

import dev.candor.core.identity.Pseudonym;
import dev.candor.core.question.Question;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.util.List;
import java.util.Optional;

/** Questions of every session. */
public interface QuestionRepo {
  /** Stores a new question; returns false if its (random) id is already taken. */
  boolean insert(Question question);

  Optional<Question> find(QuestionId id);

  /** Every question of the session in any status. */
  List<Question> bySession(SessionId session);

  int countByAuthor(SessionId session, Pseudonym author);

  /** Distinct askers among the session's questions (withdrawn questions are gone). */
  int distinctAskers(SessionId session);

  /** The highest release sequence number used in the session, 0 if none. */
  long maxReleaseSeq(SessionId session);

  /** Writes status, approval, moderation fields and release position. */
  void update(Question question);

  void delete(QuestionId id);

  /** Archive: copies each question's live tally into archivedVotes and forgets every author. */
  void freezeTalliesAndForgetAuthors(SessionId session);
}
