package dev.candor.core.store;

import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.util.Map;

/** Questions that reached their session's escalation threshold; no time is kept. */
public interface EscalationRepo {
  /** Records the escalation; returns false if the question was escalated before. */
  boolean add(SessionId session, QuestionId question, int threshold);

  /** The escalated questions of the session, with the threshold each reached. */
  Map<QuestionId, Integer> bySession(SessionId session);
}
