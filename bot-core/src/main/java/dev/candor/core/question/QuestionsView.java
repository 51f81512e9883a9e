package dev.candor.core.question;

import java.util.List;
import java.util.Set;

/**
 * The board as one person sees it privately: which questions they voted on, and their own questions
 * still waiting for release (shown only to them).
 *
 * @param waiting a line about questions not yet released, e.g. "Questions appear once 5 people have
 *     asked."
 */
public record QuestionsView(
    BoardView board,
    Set<QuestionId> votedByYou,
    List<Question> yourPending,
    List<Question> moderationQueue,
    String waiting) {}
