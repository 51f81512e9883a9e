package dev.candor.core.question;

import dev.candor.core.identity.Pseudonym;
import dev.candor.core.session.SessionId;
import java.time.Instant;

/**
 * A question as stored. There is deliberately no time of asking: only the (coarse) time of the
 * batch it was released in, and its position in that shuffled batch.
 *
 * @param author the asker's pseudonym in this session; {@code null} once the session is archived
 * @param approved whether a moderator approved it (always true without pre-moderation)
 * @param releasedAt the batch time, truncated to the minute; {@code null} while pending
 * @param releaseSeq a global order of release used to break ties in ranking; 0 while pending
 * @param archivedVotes the tally frozen at archive, when vote rows are collapsed; 0 before
 */
public record Question(
    QuestionId id,
    SessionId session,
    String text,
    QuestionStatus status,
    Pseudonym author,
    boolean approved,
    String hiddenReason,
    String answer,
    QuestionId mergedInto,
    Instant releasedAt,
    long releaseSeq,
    int archivedVotes) {

  public boolean isReleased() {
    return status != QuestionStatus.PENDING;
  }
}
