package dev.candor.core.similar;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A large, reproducible crowd of questions with known groups of near-duplicates, for tests at
 * scale: {@code topics} topics, each asked {@code variants} times in different words. A topic is
 * three content words drawn from a vocabulary of invented words; each variant keeps at least two of
 * them, wraps them in one of many question templates and adds common workplace words, so that
 * unrelated questions share plenty of vocabulary, as they do in a real session.
 */
final class SyntheticQuestions {
  private static final String[] TEMPLATES = {
    "When will the %s be sorted out?",
    "Why is nobody talking about %s?",
    "Can leadership explain the plan for %s?",
    "What is happening with %s this quarter?",
    "Is there any progress on %s?",
    "Who is responsible for %s?",
    "Could we get an update about %s please?",
    "How will %s affect our team?",
    "Are there plans to change %s?",
    "Why did %s get worse again?",
  };
  private static final String[] COMMON = {
    "office",
    "team",
    "work",
    "month",
    "week",
    "process",
    "policy",
    "manager",
    "customer",
    "project",
    "system",
    "budget",
    "department",
    "time",
    "meeting",
    "floor",
    "building",
    "report",
    "service",
    "quality",
    "tool",
    "schedule",
    "contract",
    "review",
    "goal"
  };

  record Question(int topic, String text) {}

  private SyntheticQuestions() {}

  static List<Question> generate(int topics, int variants, long seed) {
    Random random = new Random(seed);
    List<String> vocabulary = vocabulary(topics * 3, random);
    List<Question> all = new ArrayList<>(topics * variants);
    for (int t = 0; t < topics; t++) {
      List<String> words = vocabulary.subList(t * 3, t * 3 + 3);
      for (int v = 0; v < variants; v++) {
        List<String> kept = new ArrayList<>(words);
        Collections.shuffle(kept, random);
        int keep = 2 + random.nextInt(2);
        StringBuilder subject = new StringBuilder();
        for (int i = 0; i < keep; i++) {
          subject.append(i == 0 ? "" : " ").append(kept.get(i));
        }
        subject.append(' ').append(COMMON[random.nextInt(COMMON.length)]);
        String text = String.format(TEMPLATES[random.nextInt(TEMPLATES.length)], subject);
        all.add(new Question(t, text));
      }
    }
    Collections.shuffle(all, random);
    return all;
  }

  /**
   * Invented words, pronounceable so that the stemmer treats them like real ones, and distinct
   * after normalising, so that two topics never share a word by accident.
   */
  private static List<String> vocabulary(int size, Random random) {
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    java.util.Set<String> words = new java.util.LinkedHashSet<>();
    java.util.Set<List<String>> normalised = new java.util.HashSet<>();
    while (words.size() < size) {
      StringBuilder w = new StringBuilder();
      int syllables = 2 + random.nextInt(2);
      for (int s = 0; s < syllables; s++) {
        w.append(consonants.charAt(random.nextInt(consonants.length())))
            .append(vowels.charAt(random.nextInt(vowels.length())));
      }
      w.append(consonants.charAt(random.nextInt(consonants.length())));
      List<String> tokens = TextNormalizer.tokens(w.toString());
      if (tokens.size() == 1 && normalised.add(tokens)) {
        words.add(w.toString());
      }
    }
    return new ArrayList<>(words);
  }
}
