package dev.candor.adapters.slack.render;

import dev.candor.core.question.QuestionId;

/**
 * The value of one option of the board's moderator menu: what to do, to which question.
 *
 * @param op {@code hide}, {@code answered} or {@code merge}
 * @param question the question's code, e.g. {@code 7kdm}
 */
public record ModeratorChoice(String op, String question) {
  public static final String HIDE = "hide";
  public static final String ANSWERED = "answered";
  public static final String MERGE = "merge";

  public static ModeratorChoice of(String op, QuestionId id) {
    return new ModeratorChoice(op, id.code());
  }

  public QuestionId questionId() {
    return new QuestionId(question);
  }

  public String json() {
    return StateJson.write(this);
  }

  public static ModeratorChoice parse(String json) {
    return StateJson.read(json, ModeratorChoice.class);
  }
}
