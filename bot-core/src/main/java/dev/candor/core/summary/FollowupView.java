package dev.candor.core.summary;

import dev.candor.core.question.QuestionId;
import dev.candor.core.session.SessionId;
import java.time.LocalDate;

/**
 * A follow-up as a summary shows it, with the question it is about.
 *
 * @param answer the answer recorded on the question, if any
 * @param overdue open and past its due date when the summary was made
 */
public record FollowupView(
    QuestionId question,
    SessionId session,
    String text,
    String answer,
    String owner,
    LocalDate due,
    boolean done,
    boolean overdue) {}
