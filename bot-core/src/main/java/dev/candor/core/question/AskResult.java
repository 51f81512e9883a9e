package dev.candor.core.question;

import java.util.List;

/**
 * What the asker is told, privately, after asking.
 *
 * @param released whether the question is already on the board
 * @param note one line on what happens next (release threshold, batch, moderation)
 * @param similar up to three questions already on the board that resemble this one, most similar
 *     first, as participants see them (tallies hidden where the session's policy hides them): the
 *     asker may rather vote for one and withdraw theirs
 */
public record AskResult(
    QuestionId id, String text, boolean released, String note, List<BoardEntry> similar) {

  public AskResult {
    similar = List.copyOf(similar);
  }

  /** A result without similar questions. */
  public AskResult(QuestionId id, String text, boolean released, String note) {
    this(id, text, released, note, List.of());
  }
}
