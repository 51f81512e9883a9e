package dev.candor.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A session with released questions, set up through Slack the way people would. */
final class Drill {
  /** Who votes once on each question to learn that it is released. */
  static final String PROBE = "U0PROBE";

  private static final Pattern SCHEDULED = Pattern.compile("Scheduled (s[0-9a-z]+)");
  private static final Pattern ASKED = Pattern.compile("Asked anonymously as (q[0-9a-z]+)");

  private Drill() {}

  /** The organizer schedules a session two hours ahead for {@code channel}; returns its id. */
  static String schedule(SignedSlack slack, CandorProcess node, String channel) throws Exception {
    HttpResponse<String> r =
        slack.slash(
            node, NodeEnv.ORGANIZER, "schedule \"Policy drill\" in 2h channels slack:" + channel);
    assertThat(r.statusCode()).isEqualTo(200);
    Matcher m = SCHEDULED.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return m.group(1);
  }

  /**
   * Three people ask, one question each, through the nodes in turn; once the batch is released (k =
   * 3), {@link #PROBE} has voted on each. Returns the question ids.
   */
  static List<String> releasedQuestions(
      SignedSlack slack, List<CandorProcess> nodes, String session) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> r =
          slack.slash(
              nodes.get(i % nodes.size()),
              "U0ASKER" + i,
              "ask " + session + " Question " + i + ": who decided the new policy, and why?");
      Matcher m = ASKED.matcher(r.body());
      assertThat(m.find()).as(r.body()).isTrue();
      ids.add(m.group(1));
    }
    for (String q : ids) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> slack.slash(nodes.get(0), PROBE, "vote " + q).body().contains("oted for"));
    }
    return ids;
  }
}
