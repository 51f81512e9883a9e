package dev.candor.core.question;

/**
 * What the asker is told, privately, after asking.
 *
 * @param released whether the question is already on the board
 * @param note one line on what happens next (release threshold, batch, moderation)
 */
public record AskResult(QuestionId id, String text, boolean released, String note) {}
