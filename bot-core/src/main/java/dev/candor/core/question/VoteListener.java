package dev.candor.core.question;

import dev.candor.core.session.ListeningSession;
import dev.candor.core.store.Tx;

/**
 * Told of each new vote inside the vote's transaction, after it was stored: what it decides to send
 * goes through the outbox and commits with the vote. It learns the question and its new tally,
 * never who voted.
 */
@FunctionalInterface
public interface VoteListener {
  void voted(Tx tx, ListeningSession session, QuestionId question, int tally);
}
