package dev.candor.adapters.slack.render;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The one way user text enters a Slack message, and Slack's text limits.
 *
 * <p>Every piece of text shown in {@code mrkdwn} (and a message's fallback {@code text}) goes
 * through {@link #escape}: with {@code &}, {@code <} and {@code >} escaped, {@code <!channel>},
 * {@code <!here>}, {@code <@U…>} and {@code <!subteam^…>} render literally and ping nobody. Text in
 * {@code plain_text} objects is never parsed for mentions and goes through {@link #plain}, which
 * only enforces the length.
 */
public final class SlackText {
  /** Characters in a section's text. */
  public static final int SECTION_MAX = 3000;

  /** Blocks in a message. */
  public static final int MESSAGE_BLOCKS_MAX = 50;

  /** Blocks in a modal or the App Home. */
  public static final int VIEW_BLOCKS_MAX = 100;

  /** Characters in a header block, a button label, an option's text. */
  public static final int HEADER_MAX = 150;

  public static final int BUTTON_MAX = 75;
  public static final int OPTION_MAX = 75;

  private static final DateTimeFormatter FALLBACK =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

  private SlackText() {}

  /** Escapes {@code &}, {@code <} and {@code >} so Slack shows the text as typed. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Escaped and cut to {@code max} characters (never inside an entity). */
  public static String escape(String text, int max) {
    return truncateMrkdwn(escape(text), max);
  }

  /** Text for a {@code plain_text} object, cut to {@code max} characters. */
  public static String plain(String text, int max) {
    return truncate(text == null ? "" : text, max);
  }

  /** Cuts already escaped mrkdwn to {@code max} characters without splitting an entity. */
  public static String truncateMrkdwn(String mrkdwn, int max) {
    if (mrkdwn.length() <= max) {
      return mrkdwn;
    }
    int cut = max - 1;
    int amp = mrkdwn.lastIndexOf('&', cut);
    if (amp >= 0 && amp > cut - 5 && mrkdwn.indexOf(';', amp) >= cut) {
      cut = amp;
    }
    return safeCut(mrkdwn, cut) + "…";
  }

  /** Cuts plain text to {@code max} characters, marking the cut with an ellipsis. */
  public static String truncate(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return safeCut(text, max - 1) + "…";
  }

  /**
   * A date Slack shows in each reader's own time zone, e.g. "Mon, Mar 2nd at 10:00", with the time
   * in the session's zone as fallback for clients that cannot.
   */
  public static String date(Instant when, ZoneId zone) {
    String fallback = FALLBACK.format(when.atZone(zone)) + " " + zone.getId();
    return "<!date^"
        + when.getEpochSecond()
        + "^{date_short_pretty} at {time}|"
        + escape(fallback).replace("|", "/")
        + ">";
  }

  private static String safeCut(String s, int end) {
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, Math.max(0, end));
  }
}
