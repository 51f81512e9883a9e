package dev.candor.core.similar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reduces a question to the words that carry its meaning: lower case, accents and punctuation
 * removed, English stop words dropped, and each word cut to a light stem, so that "Will the layoffs
 * continue?" and "more layoffs continuing" share {@code layoff} and {@code continu}. Deterministic
 * and local: no model, no service.
 */
public final class TextNormalizer {

  /** Function words and the filler of questions; see {@code similar/stopwords.txt}. */
  static final Set<String> STOP_WORDS = resourceWords("/similar/stopwords.txt");

  /** Words nearly every question to leadership contains; see {@code similar/filler.txt}. */
  static final Set<String> FILLER = resourceWords("/similar/filler.txt");

  private static final Map<String, String> THESAURUS = thesaurus("/similar/thesaurus.txt");

  /** The first words of the thesaurus's phrases, so most words need no phrase lookup at all. */
  private static final Set<String> PHRASE_STARTS =
      THESAURUS.keySet().stream()
          .filter(k -> k.contains(" "))
          .map(k -> k.substring(0, k.indexOf(' ')))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private TextNormalizer() {}

  /** The stems of the meaningful words of {@code text}, in order, repeats kept. */
  public static List<String> tokens(String text) {
    List<String> words = words(text);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      String phrase = phrase(words, i);
      if (phrase != null) {
        out.add(stem(THESAURUS.get(phrase)));
        i += phrase.split(" ").length - 1;
        continue;
      }
      String w = words.get(i);
      if (!STOP_WORDS.contains(w) && !FILLER.contains(w)) {
        out.add(stem(THESAURUS.getOrDefault(w, w)));
      }
    }
    return out;
  }

  /** The longest thesaurus phrase (of two to four words) starting at {@code i}, if any. */
  private static String phrase(List<String> words, int i) {
    if (!PHRASE_STARTS.contains(words.get(i))) {
      return null;
    }
    for (int n = Math.min(4, words.size() - i); n >= 2; n--) {
      String candidate = String.join(" ", words.subList(i, i + n));
      if (THESAURUS.containsKey(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** Lower-case words without accents; apostrophes vanish ("don't" reads "dont"). */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String folded = text.toLowerCase(Locale.ROOT);
    if (!isAscii(folded)) {
      folded = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFKD)).replaceAll("");
    }
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        word.appendCodePoint(cp);
      } else if ((cp == '\'' || cp == '\u2019') && word.length() > 0) {
        continue;
      } else if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
  }

  /**
   * A light suffix stripper in the spirit of Porter's first steps: plurals, -ing, -ed, -er and a
   * few derivational endings, then a final e or y, so that inflections of one word meet. It never
   * cuts a word below three letters, and leaves digits alone.
   */
  static String stem(String word) {
    if (word.length() <= 3 || !Character.isLetter(word.charAt(word.length() - 1))) {
      return word;
    }
    String w = plural(word);
    for (String[] rule : SUFFIXES) {
      if (w.endsWith(rule[0]) && w.length() - rule[0].length() >= 3) {
        String base = w.substring(0, w.length() - rule[0].length());
        boolean verbal = rule[0].equals("ing") || rule[0].equals("ed");
        if (verbal && !hasVowel(base)) {
          continue;
        }
        w = base + rule[1];
        if (verbal) {
          w = undouble(w);
        }
        break;
      }
    }
    if (w.length() > 3 && w.endsWith("e")) {
      w = w.substring(0, w.length() - 1);
    }
    if (w.length() > 3 && w.endsWith("y")) {
      w = w.substring(0, w.length() - 1) + "i";
    }
    return w;
  }

  /** Suffix and replacement, longest first; the first that leaves a stem of 3+ letters wins. */
  private static final String[][] SUFFIXES = {
    {"ational", "ate"},
    {"isation", "ize"},
    {"ization", "ize"},
    {"fulness", "ful"},
    {"iveness", "ive"},
    {"ations", "ate"},
    {"ation", "ate"},
    {"tion", "t"},
    {"sion", "s"},
    {"ments", ""},
    {"ment", ""},
    {"ness", ""},
    {"ings", ""},
    {"ing", ""},
    {"ised", "ize"},
    {"ized", "ize"},
    {"ise", "ize"},
    {"ed", ""},
    {"ers", ""},
    {"er", ""},
    {"ly", ""},
  };

  /** Reads whitespace-separated words, skipping {@code #} comment lines. */
  static Set<String> resourceWords(String resource) {
    Set<String> words = new java.util.HashSet<>();
    for (String line : lines(resource)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        words.addAll(List.of(line.strip().split("\\s+")));
      }
    }
    return Set.copyOf(words);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = TextNormalizer.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Reads {@code canonical: variant variant ...} lines; a variant maps to its canonical word. */
  static Map<String, String> thesaurus(String resource) {
    Map<String, String> map = new HashMap<>();
    for (String line : lines(resource)) {
      int colon = line.indexOf(':');
      if (line.isBlank() || line.startsWith("#") || colon < 0) {
        continue;
      }
      String canonical = line.substring(0, colon).strip();
      for (String variant : line.substring(colon + 1).strip().split("\\s+")) {
        map.put(variant.replace('_', ' '), canonical);
      }
    }
    return Map.copyOf(map);
  }

  private static String plural(String w) {
    if (w.endsWith("sses")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("ies") && w.length() > 4) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static String undouble(String w) {
    int n = w.length();
    if (n >= 4
        && w.charAt(n - 1) == w.charAt(n - 2)
        && "lsz".indexOf(w.charAt(n - 1)) < 0
        && !isVowel(w.charAt(n - 1))) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static boolean hasVowel(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isVowel(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }
}
