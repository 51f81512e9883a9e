package dev.candor.bench.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Reproducible question texts. A large crowd is made of topics, each asked several times in other
 * words (so the clustering has real near-duplicates to find), wrapped in common workplace phrasing
 * (so unrelated questions share plenty of vocabulary, as they do in a real session).
 */
public final class QuestionTexts {
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
    "office", "team", "work", "month", "week", "process", "policy", "manager", "customer",
    "project", "system", "budget", "department", "time", "meeting", "floor", "building", "report",
    "service", "quality", "tool", "schedule", "contract", "review", "goal"
  };
  private static final String SYLLABLES =
      "ba be bi bo bu da de di do du ka ke ki ko ku la le li"
          + " lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so su ta te ti to tu va ve vi";

  private QuestionTexts() {}

  /** The {@code i}-th question of the small benchmark board: distinct topics, no duplicates. */
  public static String benchmarkQuestion(int i) {
    return String.format(
        TEMPLATES[i % TEMPLATES.length], word(new Random(1000 + i)) + " " + COMMON[i % 25]);
  }

  /**
   * {@code topics × variants} questions in shuffled order: each topic is three invented words, and
   * each variant keeps two or three of them in another template with a common word added.
   */
  public static List<String> crowd(int topics, int variants, long seed) {
    Random random = new Random(seed);
    List<String> all = new ArrayList<>(topics * variants);
    for (int t = 0; t < topics; t++) {
      List<String> words = List.of(word(random), word(random), word(random));
      for (int v = 0; v < variants; v++) {
        List<String> kept = new ArrayList<>(words);
        Collections.shuffle(kept, random);
        int keep = 2 + random.nextInt(2);
        StringBuilder subject = new StringBuilder();
        for (int i = 0; i < keep; i++) {
          subject.append(i == 0 ? "" : " ").append(kept.get(i));
        }
        subject.append(' ').append(COMMON[random.nextInt(COMMON.length)]);
        all.add(String.format(TEMPLATES[random.nextInt(TEMPLATES.length)], subject));
      }
    }
    Collections.shuffle(all, random);
    return all;
  }

  /** An invented word of three to four syllables, e.g. "kolamire". */
  private static String word(Random random) {
    String[] syllables = SYLLABLES.split(" ");
    int n = 3 + random.nextInt(2);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(syllables[random.nextInt(syllables.length)]);
    }
    return sb.toString();
  }
}
