package dev.candor.core.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clustering quality on 200 hand-written questions with known groups of near-duplicates ({@code
 * similar/questions-200.tsv}: 36 groups of 2 to 5 questions, 89 questions without a duplicate,
 * several of them sharing words with a group on purpose).
 *
 * <p>The measure is B-Cubed precision and recall (Bagga and Baldwin; Amigó et al. 2009), both
 * required to reach 0.8: for each question, the share of its cluster that belongs to its true group
 * (precision) and the share of its true group found in its cluster (recall), averaged over all
 * questions. Unlike counting pairs, it does not let one large cluster outweigh many small ones.
 * Pairwise figures are printed and held to floors too, so that a regression shows either way;
 * pairwise recall is the weak spot of a lexical method (paraphrases without a shared word, such as
 * "cost of living raise" and "salaries adjusted for inflation", are missed unless the thesaurus
 * joins them).
 */
class ClusteringQualityTest {
  static final double REQUIRED_BCUBED_PRECISION = 0.8;
  static final double REQUIRED_BCUBED_RECALL = 0.8;
  static final double REQUIRED_PAIRWISE_PRECISION = 0.8;
  static final double PAIRWISE_RECALL_FLOOR = 0.6;

  record Labelled(String group, String text) {}

  static List<Labelled> questions() throws IOException {
    try (InputStream in =
        ClusteringQualityTest.class.getResourceAsStream("/similar/questions-200.tsv")) {
      List<Labelled> all = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        all.add(new Labelled(parts[0], parts[1]));
      }
      return all;
    }
  }

  @Test
  void givenTwoHundredHandWrittenQuestions_thenBCubedPrecisionAndRecallReachPointEight()
      throws IOException {
    List<Labelled> qs = questions();
    assertThat(qs).hasSize(200);

    Clustering c = SimilarIndex.of(qs.stream().map(Labelled::text).toList()).cluster();

    Scores s = score(qs, c);
    System.out.printf(
        "clustering of 200 questions: B-Cubed precision %.3f recall %.3f;"
            + " pairwise precision %.3f recall %.3f%n",
        s.bcubedPrecision(), s.bcubedRecall(), s.pairPrecision(), s.pairRecall());
    assertThat(s.bcubedPrecision())
        .as("B-Cubed precision")
        .isGreaterThanOrEqualTo(REQUIRED_BCUBED_PRECISION);
    assertThat(s.bcubedRecall())
        .as("B-Cubed recall")
        .isGreaterThanOrEqualTo(REQUIRED_BCUBED_RECALL);
    assertThat(s.pairPrecision())
        .as("pairwise precision")
        .isGreaterThanOrEqualTo(REQUIRED_PAIRWISE_PRECISION);
    assertThat(s.pairRecall()).as("pairwise recall").isGreaterThanOrEqualTo(PAIRWISE_RECALL_FLOOR);
  }

  @Test
  void givenTheSameQuestionsInAnotherOrder_thenTheSameGroupsAreFound() throws IOException {
    List<Labelled> qs = questions();
    List<Labelled> reversed = new ArrayList<>(qs);
    java.util.Collections.reverse(reversed);

    Scores forward = score(qs, SimilarIndex.of(qs.stream().map(Labelled::text).toList()).cluster());
    Scores backward =
        score(reversed, SimilarIndex.of(reversed.stream().map(Labelled::text).toList()).cluster());

    assertThat(backward.bcubedPrecision()).isCloseTo(forward.bcubedPrecision(), within(0.03));
    assertThat(backward.bcubedRecall()).isCloseTo(forward.bcubedRecall(), within(0.03));
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }

  record Scores(
      double bcubedPrecision, double bcubedRecall, double pairPrecision, double pairRecall) {}

  static Scores score(List<Labelled> qs, Clustering c) {
    int n = qs.size();
    double bp = 0;
    double br = 0;
    long truePairs = 0;
    long predictedPairs = 0;
    long both = 0;
    for (int i = 0; i < n; i++) {
      int inCluster = 0;
      int inGroup = 0;
      int inBoth = 0;
      for (int j = 0; j < n; j++) {
        boolean same = qs.get(i).group().equals(qs.get(j).group());
        boolean together = c.clusterOf(i) == c.clusterOf(j);
        inCluster += together ? 1 : 0;
        inGroup += same ? 1 : 0;
        inBoth += same && together ? 1 : 0;
        if (j > i) {
          truePairs += same ? 1 : 0;
          predictedPairs += together ? 1 : 0;
          both += same && together ? 1 : 0;
        }
      }
      bp += (double) inBoth / inCluster;
      br += (double) inBoth / inGroup;
    }
    return new Scores(
        bp / n,
        br / n,
        predictedPairs == 0 ? 0 : (double) both / predictedPairs,
        (double) both / truePairs);
  }
}
