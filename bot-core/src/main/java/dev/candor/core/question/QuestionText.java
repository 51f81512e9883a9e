package dev.candor.core.question;

import dev.candor.core.CandorException;

/**
 * Cleans question text: strips control and invisible formatting characters (including bidi
 * overrides and zero-width characters, which can disguise text), collapses runs of spaces, trims,
 * and checks the length.
 */
public final class QuestionText {
  public static final int MIN = 3;
  public static final int MAX = 1000;

  private QuestionText() {}

  /** Returns the cleaned text, or fails with a one-line answer saying what is wrong. */
  public static String clean(String raw) {
    String text = sanitize(raw == null ? "" : raw);
    int length = text.codePointCount(0, text.length());
    if (length < MIN) {
      throw CandorException.invalid(
          "A question needs at least "
              + MIN
              + " characters after trimming. Try: ask <your question>");
    }
    if (length > MAX) {
      throw CandorException.invalid(
          "A question may have at most "
              + MAX
              + " characters; yours has "
              + length
              + ". Shorten it and ask again.");
    }
    return text;
  }

  /** Removes what cannot be shown safely, without judging the length. */
  public static String sanitize(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    raw.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n' || cp == '\r' || cp == '\t' || cp == 0x2028 || cp == 0x2029) {
                sb.append(' ');
              } else if (!invisible(cp)) {
                sb.appendCodePoint(cp);
              }
            });
    return sb.toString().replaceAll(" {2,}", " ").strip();
  }

  private static boolean invisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE;
  }
}
