package dev.candor.core.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The scale bound of issue 6: 20,000 questions indexed and clustered in under 2 s. A benchmark, not
 * a unit test: it runs only when asked for, and reports the median of several rounds after warm-up.
 *
 * <pre>
 * mvn -B -o -q -pl bot-core test -Dtest=ClusteringBench -Dcandor.bench=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dspotless.check.skip=true -Denforcer.skip=true
 * </pre>
 *
 * <p>Measured on the 2-core build machine on 27 Nov 2026 while other builds kept its load average
 * between 7 and 9: first run in a fresh JVM 1.5 to 2.5 s (class loading and JIT included), median
 * of 7 warm runs 0.57 to 0.71 s (fastest 0.28 s).
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "candor.bench", matches = "true")
class ClusteringBench {
  static final long BOUND_MS = 2_000;

  @Test
  void twentyThousandQuestionsAreClusteredWithinTwoSeconds() {
    List<String> texts =
        SyntheticQuestions.generate(4_000, 5, 42).stream()
            .map(SyntheticQuestions.Question::text)
            .toList();
    List<Long> cold = new ArrayList<>();
    cold.add(time(texts));
    for (int i = 0; i < 3; i++) {
      time(texts);
    }
    List<Long> rounds = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      rounds.add(time(texts));
    }
    Collections.sort(rounds);
    long median = rounds.get(rounds.size() / 2);
    System.out.printf(
        "ClusteringBench: 20,000 questions, first run %d ms, median of 7 warm runs %d ms"
            + " (min %d, max %d), %d processors%n",
        cold.get(0),
        median,
        rounds.get(0),
        rounds.get(rounds.size() - 1),
        Runtime.getRuntime().availableProcessors());
    assertThat(median).isLessThan(BOUND_MS);
  }

  private static long time(List<String> texts) {
    long start = System.nanoTime();
    Clustering c = SimilarIndex.of(texts).cluster();
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(c.groups()).isNotEmpty();
    return ms;
  }
}
