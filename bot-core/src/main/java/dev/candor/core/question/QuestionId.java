package dev.candor.core.question;

import dev.candor.core.CandorException;
import java.security.SecureRandom;
import java.util.Locale;

/**
 * A question's id, typed as {@code q7kdm}: random rather than sequential, so the id says nothing
 * about the order or time in which questions were asked.
 */
public record QuestionId(String code) {
  /**
   * Letters and digits that cannot be mistaken for each other (no 0/o, 1/l/i), and no {@code q},
   * which is the prefix people type.
   */
  static final String ALPHABET = "23456789abcdefghjkmnprstuvwxyz";

  private static final int LENGTH = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  public QuestionId {
    if (code == null || !code.matches("[" + ALPHABET + "]{" + LENGTH + "}")) {
      throw new IllegalArgumentException("question code must be 4 characters of the alphabet");
    }
  }

  public static QuestionId random() {
    StringBuilder sb = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return new QuestionId(sb.toString());
  }

  /** Parses {@code q7kdm}, {@code Q7KDM}, {@code #q7kdm} or {@code 7kdm}. */
  public static QuestionId parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("#")) {
      t = t.substring(1);
    }
    if (t.length() == LENGTH + 1 && t.charAt(0) == 'q') {
      t = t.substring(1);
    }
    if (t.matches("[" + ALPHABET + "]{" + LENGTH + "}")) {
      return new QuestionId(t);
    }
    throw CandorException.invalid(
        "'" + text + "' is not a question id. Question ids look like q7kdm (see: questions).");
  }

  @Override
  public String toString() {
    return "q" + code;
  }
}
