package dev.candor.core.session;

/**
 * The life of a listening session: {@code DRAFT → SCHEDULED → OPEN → CLOSED → ARCHIVED}, or {@code
 * CANCELLED} before it closes. Questions and votes are taken while SCHEDULED (intake opens at
 * announcement) and OPEN.
 */
public enum SessionState {
  DRAFT,
  SCHEDULED,
  OPEN,
  CLOSED,
  ARCHIVED,
  CANCELLED;

  /** Whether people may ask and vote. */
  public boolean takesQuestions() {
    return this == SCHEDULED || this == OPEN;
  }

  /** Whether the session is over (closed, archived or cancelled). */
  public boolean isOver() {
    return this == CLOSED || this == ARCHIVED || this == CANCELLED;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
