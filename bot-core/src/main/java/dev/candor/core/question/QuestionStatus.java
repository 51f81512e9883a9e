package dev.candor.core.question;

/**
 * Where a question stands. {@code PENDING} questions wait for release (k distinct askers, the next
 * batch, or a moderator's approval); only released questions are seen by anyone but their asker.
 */
public enum QuestionStatus {
  PENDING,
  PUBLISHED,
  HIDDEN,
  ANSWERED,
  MERGED;

  /** Whether the question is visible on the board. */
  public boolean onBoard() {
    return this == PUBLISHED || this == ANSWERED;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
