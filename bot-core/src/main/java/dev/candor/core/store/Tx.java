package dev.candor.core.store;

/** The repositories visible inside one transaction. */
public interface Tx {
  SessionRepo sessions();

  QuestionRepo questions();

  VoteRepo votes();

  KeyRepo keys();

  OutboxRepo outbox();

  BoardMessageRepo boards();

  ConversationRepo conversations();

  /** Per-session tally policy, escalation threshold and presenter link. */
  PolicyRepo policies();

  /** Follow-ups on questions. */
  FollowupRepo followups();

  /** Questions that reached their session's escalation threshold. */
  EscalationRepo escalations();
}
