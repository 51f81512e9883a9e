package dev.candor.core.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clustering stays correct at the scale of a very large session: 20,000 questions, 4,000 topics
 * asked 5 times each. Only correctness is asserted here; how fast it runs is measured by {@link
 * ClusteringBench}, because a time limit in a unit test fails on a busy build machine rather than
 * on slow code.
 */
class ClusteringScaleTest {

  @Test
  void givenTwentyThousandQuestions_thenEveryClusterIsOneTopicAndTopicsStayWhole() {
    List<SyntheticQuestions.Question> qs = SyntheticQuestions.generate(4_000, 5, 42);
    assertThat(qs).hasSize(20_000);

    Clustering c =
        SimilarIndex.of(qs.stream().map(SyntheticQuestions.Question::text).toList()).cluster();

    long predicted = 0;
    long correct = 0;
    int largest = 0;
    for (List<Integer> cluster : c.all()) {
      Map<Integer, Integer> byTopic = new HashMap<>();
      cluster.forEach(i -> byTopic.merge(qs.get(i).topic(), 1, Integer::sum));
      predicted += (long) cluster.size() * (cluster.size() - 1) / 2;
      for (int v : byTopic.values()) {
        correct += (long) v * (v - 1) / 2;
      }
      largest = Math.max(largest, cluster.size());
    }
    long truePairs = 4_000L * (5 * 4 / 2);
    assertThat((double) correct / predicted).as("pairwise precision").isGreaterThan(0.98);
    assertThat((double) correct / truePairs).as("pairwise recall").isGreaterThan(0.95);
    assertThat(largest).as("largest cluster").isLessThanOrEqualTo(10);
  }

  @Test
  void givenTwentyThousandUnrelatedQuestions_thenNothingIsGrouped() {
    List<SyntheticQuestions.Question> qs = SyntheticQuestions.generate(20_000, 1, 7);

    Clustering c =
        SimilarIndex.of(qs.stream().map(SyntheticQuestions.Question::text).toList()).cluster();

    assertThat(c.groups()).isEmpty();
  }
}
