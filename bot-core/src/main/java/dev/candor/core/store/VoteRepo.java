package dev.candor.core.store;

import dev.candor.core.identity.Pseudonym;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** One row per (question, voter pseudonym); no times are stored. */
public interface VoteRepo {
  /** Adds the vote; returns false if this pseudonym has already voted on the question. */
  boolean add(SessionId session, QuestionId question, Pseudonym voter);

  /** Removes the vote; returns false if there was none. */
  boolean remove(QuestionId question, Pseudonym voter);

  /** Live tallies of the session's questions (questions without votes are absent). */
  Map<QuestionId, Integer> tallies(SessionId session);

  int tally(QuestionId question);

  /** Moves the votes of {@code from} onto {@code to} as a set union, then removes them. */
  void mergeInto(QuestionId from, QuestionId to);

  /** The questions of the session this pseudonym voted on. */
  Set<QuestionId> votedBy(SessionId session, Pseudonym voter);

  int distinctVoters(SessionId session);

  /**
   * How many people voted for at least one of {@code questions}: the tally they would have if
   * merged into one, each person counted once.
   */
  int distinctVoters(Collection<QuestionId> questions);

  int total(SessionId session);

  void deleteQuestion(QuestionId question);

  void deleteSession(SessionId session);
}
