package dev.candor.core.similar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Near-duplicates are found and grouped; unrelated questions are not. */
class SimilarIndexTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Why are the LAYOFFS happening?!            | layoff",
        "Are more redundancies coming?               | layoff",
        "Is another round of job cuts planned?       | round layoff",
        "When will we return to the office?          | rto",
        "Café prices went up                         | caf pric",
        "Don't we deserve a raise?                   | deserv rais",
        "reorganising, reorganisation, reorg         | reorg reorg reorg",
        "planned planning plans                      | ''",
      })
  void givenQuestion_thenNormalisedToStemsOfMeaningfulWords(String text, String expected) {
    assertThat(String.join(" ", TextNormalizer.tokens(text))).as(text).isEqualTo(expected);
  }

  @Test
  void givenNearDuplicates_thenTheyAreOneClusterAndTheOthersStayAlone() {
    List<String> texts =
        List.of(
            "Will there be more layoffs this year?",
            "Why was free parking for staff removed?",
            "Are further layoffs planned this year?",
            "What is the timeline for the ERP migration?",
            "Bring back free staff parking please",
            "Should we expect another round of layoffs?",
            "Can we get second monitors for everyone?");

    Clustering c = SimilarIndex.of(texts).cluster();

    assertThat(c.groups()).containsExactlyInAnyOrder(List.of(0, 2, 5), List.of(1, 4));
    assertThat(c.membersWith(3)).containsExactly(3);
    assertThat(c.membersWith(6)).containsExactly(6);
  }

  @Test
  void givenAQuestionLikeTwoOthers_thenNearestNamesThemMostSimilarFirst() {
    SimilarIndex index =
        SimilarIndex.of(
            List.of(
                "Why was the training budget cut?",
                "Is the office closed over Christmas?",
                "Will the training budget be restored next year?",
                "Can we have standing desks?"));

    List<SimilarIndex.Match> found = index.nearest("Please restore the training budget", 3);

    assertThat(found).extracting(SimilarIndex.Match::index).containsExactly(2, 0);
    assertThat(found.get(0).score()).isGreaterThan(found.get(1).score());
  }

  @Test
  void givenOnlyStopWordsOrNothing_thenNoMatchAndNoCrash() {
    SimilarIndex index = SimilarIndex.of(List.of("Why?", "", "What is it?"));

    assertThat(index.nearest("why is that", 3)).isEmpty();
    assertThat(index.cluster().groups()).isEmpty();
  }

  @Test
  void givenIdenticalQuestions_thenSimilarityIsOne() {
    SimilarIndex index = SimilarIndex.of(List.of("Free parking again?", "free PARKING, again!"));

    assertThat(index.similarity(0, 1)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
  }
}
