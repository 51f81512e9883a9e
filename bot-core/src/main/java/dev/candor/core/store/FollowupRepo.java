package dev.candor.core.store;

import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import dev.candor.core.summary.Followup;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Follow-ups on questions: one per question, kept after the session is archived. */
public interface FollowupRepo {
  Optional<Followup> find(QuestionId question);

  /** Inserts or replaces the follow-up of its question. */
  void save(Followup followup);

  /** The follow-ups of the session, in question id order. */
  List<Followup> bySession(SessionId session);

  /** The follow-ups of these sessions, in session then question id order. */
  List<Followup> bySessions(Collection<SessionId> sessions);
}
