package dev.candor.core.command;

import dev.candor.core.CandorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads the arguments of one command. Words are separated by any Unicode space. A word that begins
 * with a straight or typographic quote runs to a quote of the same kind that is followed by a space
 * or the end, so an apostrophe inside a title ({@code ‘Ana’s update’}) needs no escaping. Free text
 * is handed back exactly as typed.
 */
final class Tokenizer {
  private static final String DOUBLE_QUOTES = "\"\u201C\u201D";
  private static final String SINGLE_QUOTES = "\u2018\u2019";
  private static final int SHOWN_MAX = 40;

  /** One word; a quoted word is never taken for an option keyword. */
  record Token(String text, boolean quoted) {
    boolean is(String keyword) {
      return !quoted && text.equalsIgnoreCase(keyword);
    }
  }

  private final String input;
  private final String usage;
  private int pos;

  /**
   * @param usage the {@code Try: ...} sentence that ends every error about these arguments
   */
  Tokenizer(String input, String usage) {
    this.input = input;
    this.usage = usage;
    skipSpaces();
  }

  boolean atEnd() {
    return pos >= input.length();
  }

  /** The next word, a quoted span counting as one word. */
  Optional<Token> next() {
    if (atEnd()) {
      return Optional.empty();
    }
    char first = input.charAt(pos);
    Token token;
    if (DOUBLE_QUOTES.indexOf(first) >= 0) {
      token = new Token(readQuoted(DOUBLE_QUOTES), true);
    } else if (SINGLE_QUOTES.indexOf(first) >= 0) {
      token = new Token(readQuoted(SINGLE_QUOTES), true);
    } else {
      token = new Token(readWord(), false);
    }
    skipSpaces();
    return Optional.of(token);
  }

  /** Every word that is left. */
  List<Token> tokens() {
    List<Token> all = new ArrayList<>();
    for (Optional<Token> t = next(); t.isPresent(); t = next()) {
      all.add(t.get());
    }
    return all;
  }

  /** The next word, or a one-line error saying that {@code what} is missing. */
  String required(String what) {
    return next()
        .map(Token::text)
        .orElseThrow(() -> CandorException.invalid("Missing " + what + ". " + usage));
  }

  Optional<String> optional() {
    return next().map(Token::text);
  }

  /** Fails if anything is left, naming what. */
  void end() {
    if (!atEnd()) {
      throw CandorException.invalid("Unexpected '" + shown(input.substring(pos)) + "'. " + usage);
    }
  }

  /** The next word as typed (quotes not read) if it passes {@code test}; otherwise nothing. */
  Optional<String> wordIf(Predicate<String> test) {
    int start = pos;
    String word = readWord();
    if (!word.isEmpty() && test.test(word)) {
      skipSpaces();
      return Optional.of(word);
    }
    pos = start;
    return Optional.empty();
  }

  /** Everything left, exactly as typed (the input was already stripped at its end). */
  String rest() {
    String rest = input.substring(pos);
    pos = input.length();
    return rest;
  }

  private String readWord() {
    int start = pos;
    while (pos < input.length() && !isSpace(input.charAt(pos))) {
      pos++;
    }
    return input.substring(start, pos);
  }

  private String readQuoted(String closers) {
    int open = pos;
    for (int i = open + 1; i < input.length(); i++) {
      boolean closes = closers.indexOf(input.charAt(i)) >= 0;
      if (closes && (i + 1 == input.length() || isSpace(input.charAt(i + 1)))) {
        pos = i + 1;
        return input.substring(open + 1, i);
      }
    }
    String after = input.substring(open + 1);
    throw CandorException.invalid(
        "A quote is not closed"
            + (after.isBlank() ? "" : " (before '" + shown(after) + "')")
            + "; put a quote at both ends, e.g. \"Town hall\". "
            + usage);
  }

  private void skipSpaces() {
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
    }
  }

  /** Java's whitespace plus the Unicode spaces it leaves out, such as the no-break space. */
  static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  static String strip(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The index of the first space in {@code text}, or its length. */
  static int firstSpace(String text) {
    int i = 0;
    while (i < text.length() && !isSpace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * What a person typed, made safe to quote in a one-line message: line breaks, controls, bidi
   * overrides and other invisible characters become U+FFFD, and long text is cut short. No valid
   * id, zone or keyword contains any of these, so the result is safe to parse as well.
   */
  static String shown(String text) {
    StringBuilder sb = new StringBuilder();
    int count = 0;
    for (int i = 0; i < text.length(); count++) {
      if (count == SHOWN_MAX) {
        return sb.append('…').toString();
      }
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      sb.appendCodePoint(visible(cp) ? cp : '\uFFFD');
    }
    return sb.toString();
  }

  private static boolean visible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          false;
      default -> true;
    };
  }
}
