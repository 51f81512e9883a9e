package dev.candor.core.question;

/**
 * One released question as shown on a board, a summary or an export.
 *
 * @param votes the tally, or -1 where the session's policy hides tallies from this viewer
 */
public record BoardEntry(
    QuestionId id, String text, int votes, QuestionStatus status, String answer, int rank) {}
