package dev.candor.core.session;

import dev.candor.core.CandorException;

/** A session's id; people type it as {@code s12}. */
public record SessionId(long value) {
  public SessionId {
    if (value <= 0) {
      throw new IllegalArgumentException("session id must be positive, was " + value);
    }
  }

  /** Parses {@code s12}, {@code S12} or {@code 12}. */
  public static SessionId parse(String text) {
    String t = text.trim();
    if (t.length() > 1 && (t.charAt(0) == 's' || t.charAt(0) == 'S')) {
      t = t.substring(1);
    }
    try {
      long v = Long.parseLong(t);
      if (v > 0) {
        return new SessionId(v);
      }
    } catch (NumberFormatException ignored) {
      // falls through to the one-line answer below
    }
    throw CandorException.invalid(
        "'" + text + "' is not a session id. Session ids look like s12 (see: sessions).");
  }

  /** Whether {@code text} has the form of a session id. */
  public static boolean looksLike(String text) {
    return text.matches("[sS]\\d{1,12}");
  }

  @Override
  public String toString() {
    return "s" + value;
  }
}
