package dev.candor.core.summary;

import dev.candor.core.Checks;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What leadership committed to do about one question, as a moderator recorded it: an owner (a
 * person or a team, named by the moderator), a due date, and whether it is done.
 *
 * @param owner {@code null} if none was named yet
 * @param due {@code null} if no date was set
 * @param closedAt when a moderator marked it done; {@code null} while open
 */
public record Followup(
    QuestionId question,
    SessionId session,
    String owner,
    LocalDate due,
    boolean done,
    Instant closedAt) {

  /** The longest owner one may name, in characters. */
  public static final int MAX_OWNER = 200;

  public Followup {
    Checks.notNull(question, "question");
    Checks.notNull(session, "session");
    Checks.check(owner == null || owner.length() <= MAX_OWNER, "owner too long");
    Checks.check(done == (closedAt != null), "closedAt is set exactly when done");
  }

  /** Whether it is still open and past its due date on {@code today}. */
  public boolean overdue(LocalDate today) {
    return !done && due != null && due.isBefore(today);
  }
}
