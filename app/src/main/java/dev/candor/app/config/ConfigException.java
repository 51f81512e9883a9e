package dev.candor.app.config;

import java.util.List;

/**
 * Candor cannot start with this configuration. The message names every problem at once, one per
 * line, each with the key, its environment variable, the value (unless secret) and the right form,
 * so that an operator fixes everything in one pass. It never contains a secret.
 */
public final class ConfigException extends RuntimeException {
  private final List<String> problems;

  ConfigException(String where, List<String> problems) {
    super(message(where, problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** Each problem as one sentence, in the order of the keys. */
  public List<String> problems() {
    return problems;
  }

  private static String message(String where, List<String> problems) {
    StringBuilder out =
        new StringBuilder("Candor cannot start: ")
            .append(problems.size())
            .append(problems.size() == 1 ? " problem" : " problems")
            .append(" in configuration (")
            .append(where)
            .append("):");
    for (String p : problems) {
      out.append("\n - ").append(p);
    }
    return out.toString();
  }
}
