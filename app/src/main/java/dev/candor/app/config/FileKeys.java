package dev.candor.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the shape of a parsed {@code candor.yml}: every key is known (a typo must not silently
 * fall back to a default), no secret is written in it, and sections are sections. Values are the
 * resolver's business. Messages never quote a value from the file.
 */
final class FileKeys {
  private FileKeys() {}

  static List<String> problems(JsonNode root) {
    List<String> out = new ArrayList<>();
    if (root.isMissingNode() || root.isNull()) {
      return out;
    }
    if (!root.isObject()) {
      out.add("the file must be a map of keys such as 'http:' and 'sessions:', not " + kind(root));
      return out;
    }
    walk("", root, true, out);
    return out;
  }

  static String kind(JsonNode node) {
    if (node.isArray()) {
      return "a list";
    }
    return node.isObject() ? "a section" : "a single value";
  }

  private static void walk(String prefix, JsonNode node, boolean known, List<String> out) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
      JsonNode value = field.getValue();
      Optional<EnvOnly> envOnly = EnvOnly.forFileKey(path);
      if (envOnly.isPresent()) {
        out.add(envOnlyProblem(path, envOnly.get()));
      } else if (EnvOnly.looksSecret(path)) {
        out.add(
            path
                + ": secrets are read only from the environment: remove it from the file and set "
                + EnvOnly.secretsFor(prefix));
      } else if (!known || ConfigKey.byPath(path).isPresent()) {
        walkIfSection(path, value, false, out); // only for secrets; the resolver rejects the shape
      } else if (!isSection(prefix, path)) {
        out.add(unknown(prefix, path));
        walkIfSection(path, value, false, out);
      } else if (!value.isObject() && !value.isNull()) {
        out.add(path + " must be a section of keys (" + keysOf(path) + "), not " + kind(value));
      } else {
        walkIfSection(path, value, true, out);
      }
    }
  }

  private static void walkIfSection(String path, JsonNode value, boolean known, List<String> out) {
    if (value.isObject()) {
      walk(path, value, known, out);
    }
  }

  private static boolean isSection(String prefix, String path) {
    return prefix.isEmpty() && ConfigKey.SECTIONS.contains(path);
  }

  private static String envOnlyProblem(String path, EnvOnly e) {
    return e.secret
        ? path
            + ": secrets are read only from the environment: remove it from the file and set "
            + e.env
        : path + " is read only from the environment: remove it from the file and set " + e.env;
  }

  private static String unknown(String prefix, String path) {
    String leaf = path.substring(prefix.isEmpty() ? 0 : prefix.length() + 1);
    Optional<String> guess = closest(prefix, leaf);
    if (guess.isPresent()) {
      return "unknown key '" + path + "'; did you mean '" + guess.get() + "'?";
    }
    if (prefix.equals("teams")) {
      return "unknown key '"
          + path
          + "'; Teams is set up only through the environment: MICROSOFT_APP_ID,"
          + " MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID";
    }
    return "unknown key '"
        + path
        + "'; the keys "
        + (prefix.isEmpty() ? "at the top level" : "of " + prefix)
        + " are: "
        + keysOf(prefix);
  }

  private static String keysOf(String section) {
    Stream<String> keys = ConfigKey.inSection(section).stream().map(ConfigKey::leaf);
    if (section.isEmpty()) {
      keys = Stream.concat(keys, ConfigKey.SECTIONS.stream());
    }
    return keys.collect(Collectors.joining(", "));
  }

  /** The known key most like a misspelt or misplaced one, preferring its own section. */
  private static Optional<String> closest(String prefix, String leaf) {
    String typed = ConfigKey.normalize(leaf);
    record Candidate(String path, int distance, int elsewhere) {}
    return Stream.concat(
            Stream.of(ConfigKey.values()).map(k -> k.path), ConfigKey.SECTIONS.stream())
        .map(
            p -> {
              String candidateLeaf = p.substring(p.indexOf('.') + 1);
              int d = distance(typed, ConfigKey.normalize(candidateLeaf));
              String section = p.contains(".") ? p.substring(0, p.indexOf('.')) : "";
              return new Candidate(p, d, section.equals(prefix) ? 0 : 1);
            })
        .filter(c -> c.distance() <= 2 && c.distance() * 3 < typed.length())
        .min(Comparator.comparingInt(Candidate::distance).thenComparingInt(Candidate::elsewhere))
        .map(Candidate::path);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(substitute, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
