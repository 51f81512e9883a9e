package dev.candor.core.identity;

import dev.candor.core.CandorException;
import java.util.Locale;

/** A chat platform Candor talks to. */
public enum Platform {
  SLACK,
  TEAMS,
  CONSOLE;

  /** The lower-case name used in configuration and commands, e.g. {@code slack}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code slack}, {@code teams} or {@code console}, in any case. */
  public static Platform parse(String text) {
    for (Platform p : values()) {
      if (p.id().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw CandorException.invalid(
        "Unknown platform '" + text + "'. Use one of: slack, teams, console.");
  }
}
