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
}
