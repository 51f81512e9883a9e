package dev.candor.core.security;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds signs of a stack trace or exception in what a person or a platform was sent: exception
 * class names, {@code at package.Class.method(File.java:12)} frames and the tab-indented {@code at}
 * of a printed trace. A marker that the request itself carried (hostile text may well say
 * "Exception") does not count, since echoing what someone typed leaks nothing.
 */
public final class StackTraces {
  /** Plain markers, searched for as they are. */
  public static final List<String> MARKERS =
      List.of(
          "Exception",
          "\tat ",
          "at dev.candor",
          "at com.slack",
          "at com.microsoft",
          "at java.",
          "Caused by:");

  private static final Pattern FRAME =
      Pattern.compile("at [a-z][\\w$]*(\\.[\\w$]+)+\\((?:[\\w$]+\\.java:\\d+|Unknown Source)\\)");

  private StackTraces() {}

  /** The first marker found in {@code output} that {@code input} did not already carry. */
  public static Optional<String> find(String output, String input) {
    if (output == null || output.isEmpty()) {
      return Optional.empty();
    }
    String carried = input == null ? "" : input;
    for (String marker : MARKERS) {
      if (output.contains(marker) && !carried.contains(marker)) {
        return Optional.of(marker);
      }
    }
    Matcher frame = FRAME.matcher(output);
    while (frame.find()) {
      if (!carried.contains(frame.group())) {
        return Optional.of(frame.group());
      }
    }
    return Optional.empty();
  }
}
