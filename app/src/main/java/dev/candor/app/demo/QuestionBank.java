package dev.candor.app.demo;

import java.util.List;

/** What staff ask in the demo: the kind of questions a contested policy draws. */
final class QuestionBank {
  private QuestionBank() {}

  static final List<String> QUESTIONS =
      List.of(
          "What evidence shows that three office days a week improve our outcomes?",
          "Will the policy apply to part-time staff?",
          "How were staff consulted before this decision was made?",
          "Who decides on exceptions for carers, and how do we apply?",
          "Will travel costs be reimbursed for people who moved away during remote work?",
          "Does this policy also cover part-timers?",
          "Is there enough desk space for everyone on the same three days?",
          "What happens to performance reviews for people who cannot comply?",
          "Can the parking garage open earlier?",
          "Will the decision be reviewed after six months, and will we see the data?",
          "How does this fit with our commitments on accessibility?",
          "Why was this announced before the union consultation ended?");

  /** A fixed rank of how many people care about each question (0 = most). */
  static int appeal(String text) {
    for (int i = 0; i < ORDER.size(); i++) {
      if (text.contains(ORDER.get(i))) {
        return i;
      }
    }
    return ORDER.size();
  }

  private static final List<String> ORDER =
      List.of(
          "consulted",
          "evidence",
          "exceptions",
          "reviewed",
          "desk space",
          "union",
          "performance",
          "part-time staff",
          "travel",
          "accessibility",
          "part-timers",
          "parking");
}
