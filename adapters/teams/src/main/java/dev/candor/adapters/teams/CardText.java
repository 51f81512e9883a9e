package dev.candor.adapters.teams;

/**
 * The one escaper for text shown in Adaptive Card TextBlocks. A TextBlock interprets a Markdown
 * subset (emphasis, links, lists, headings), Teams turns {@code <at>…</at>} into mentions and
 * {@code {{DATE(…)}}} into dates: text that did not come from Candor itself must show as typed and
 * do none of that.
 *
 * <p>Markdown characters are backslash-escaped; list and heading markers only at the start of the
 * text, where they take effect. Tags and template braces are broken with an invisible word joiner
 * (U+2060), which no renderer reads as markup. Line breaks stay line breaks; other control
 * characters are dropped.
 */
final class CardText {
  /** Invisible, zero-width, and never a line-break opportunity. */
  static final char JOINER = '\u2060';

  private static final String INLINE = "\\`*_~[]|";

  private CardText() {}

  /** {@code text} made safe for a TextBlock; {@code null} becomes the empty string. */
  static String escape(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        continue;
      }
      if (c == '\n') {
        out.append('\n');
        lineStart = true;
        continue;
      }
      if (Character.isISOControl(c)) {
        continue;
      }
      if (lineStart) {
        i = escapeLineStart(text, i, out);
        lineStart = false;
        continue;
      }
      appendEscaped(text, i, out);
    }
    return out.toString();
  }

  /**
   * Escapes block markers ({@code #}, {@code -}, {@code +}, {@code >}, {@code 1.}) at a line start.
   */
  private static int escapeLineStart(String text, int i, StringBuilder out) {
    int j = i;
    while (j < text.length() && text.charAt(j) == ' ') {
      out.append(' ');
      j++;
    }
    if (j >= text.length()) {
      return j;
    }
    char c = text.charAt(j);
    if (c == '#' || c == '-' || c == '+' || c == '>') {
      out.append('\\').append(c);
      return j;
    }
    int k = j;
    while (k < text.length() && Character.isDigit(text.charAt(k))) {
      k++;
    }
    if (k > j && k < text.length() && (text.charAt(k) == '.' || text.charAt(k) == ')')) {
      out.append(text, j, k).append('\\').append(text.charAt(k));
      return k;
    }
    appendEscaped(text, j, out);
    return j;
  }

  private static void appendEscaped(String text, int i, StringBuilder out) {
    char c = text.charAt(i);
    if (INLINE.indexOf(c) >= 0) {
      out.append('\\').append(c);
    } else if (c == '<' && i + 1 < text.length() && startsTag(text.charAt(i + 1))) {
      out.append('<').append(JOINER);
    } else if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
      out.append(c).append(JOINER);
    } else if (c == '&' && i + 1 < text.length() && text.charAt(i + 1) != ' ') {
      // "&lt;at&gt;" must not turn into a tag in a renderer that decodes entities.
      out.append('&').append(JOINER);
    } else {
      out.append(c);
    }
  }

  private static boolean startsTag(char next) {
    return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
  }
}
