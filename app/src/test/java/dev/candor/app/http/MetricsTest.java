package dev.candor.app.http;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.question.QuestionId;
import dev.candor.core.schedule.SessionJobs;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.RecordingMessenger.Kind;
import dev.candor.core.testing.TestCandor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after real asks, votes and deliveries (one retried, one failed for good):
 * the counts are there, by platform, kind and outcome only, and nothing in the scrape names a
 * participant, a session or a question.
 */
class MetricsTest {
  private static final Pattern SAMPLE =
      Pattern.compile("^(candor_[a-z_]+)(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
  private static final Pattern LABEL = Pattern.compile("([a-z_]+)=\"([^\"]*)\"");
  private static final Actor SLACK_ASKER = Actor.of(Platform.SLACK, "U0PARTICIPANT7");

  private TestCandor t;
  private HttpServer server;

  @BeforeEach
  void start() {
    t = TestCandor.withDefaults();
    server = new HttpServer(t.candor()).start(0);
  }

  @AfterEach
  void stop() {
    server.close();
    t.close();
  }

  @Test
  void givenAsksVotesAndDeliveries_thenTheScrapeCountsEachByPlatformKindAndOutcome()
      throws Exception {
    ListeningSession s = t.scheduleSession();
    List<QuestionId> ids = t.askEach(s.id(), 1, 4);
    t.candor().questions().ask(SLACK_ASKER, s.id(), "Why was the canteen closed?");
    t.voteEach(ids.get(0), 1, 3);
    t.candor().votes().vote(SLACK_ASKER, ids.get(1));
    // A reminder that fails once (503) and then goes out.
    t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
    t.messenger().failNext(DeliveryException.temporary("503 unavailable", null));
    t.deliverDue();
    t.clock().advance(Duration.ofSeconds(2));
    t.deliverDue();
    // A reminder the channel refuses for good; the moderators are alerted privately.
    t.messenger()
        .failMatching(d -> d.kind() == Kind.POST, DeliveryException.permanent("not_in_channel"));
    t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofMinutes(10));
    t.deliverDue();

    String scrape = scrape();

    assertThat(sample(scrape, "candor_questions_asked_total", "platform=console")).isEqualTo(4);
    assertThat(sample(scrape, "candor_questions_asked_total", "platform=slack")).isEqualTo(1);
    assertThat(sample(scrape, "candor_questions_asked_total", "platform=teams")).isZero();
    assertThat(sample(scrape, "candor_votes_cast_total", "platform=console")).isEqualTo(3);
    assertThat(sample(scrape, "candor_votes_cast_total", "platform=slack")).isEqualTo(1);
    String reminders = "candor_delivery_attempts_total";
    assertThat(sample(scrape, reminders, "platform=console", "kind=reminder", "outcome=retried"))
        .isEqualTo(1);
    assertThat(sample(scrape, reminders, "platform=console", "kind=reminder", "outcome=sent"))
        .isEqualTo(1);
    assertThat(sample(scrape, reminders, "platform=console", "kind=reminder", "outcome=failed"))
        .isEqualTo(1);
    assertThat(
            sample(scrape, reminders, "platform=console", "kind=moderator_alert", "outcome=sent"))
        .isEqualTo(2);
    assertThat(sample(scrape, reminders, "platform=slack", "kind=board", "outcome=sent")).isZero();
    assertThat(sample(scrape, "candor_outbox_pending"))
        .isEqualTo(t.countWhere("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'"));
  }

  @Test
  void givenParticipantsActed_thenNoIdPseudonymTitleOrTextAppearsAndLabelsAreFixed()
      throws Exception {
    ListeningSession s = t.scheduleSession();
    List<QuestionId> ids = t.askEach(s.id(), 1, 4);
    t.candor().questions().ask(SLACK_ASKER, s.id(), "Why was the canteen closed?");
    t.voteEach(ids.get(0), 1, 4);
    t.candor().jobs().run(s.id(), SessionJobs.Action.REMIND, Duration.ofHours(1));
    t.deliverDue();

    String scrape = scrape();

    List<String> forbidden = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      forbidden.add(participant(i).userId());
    }
    forbidden.add(SLACK_ASKER.userId());
    forbidden.add(s.title());
    forbidden.add("Question from the floor");
    forbidden.add("canteen");
    forbidden.addAll(ids.stream().map(QuestionId::toString).toList());
    forbidden.addAll(
        t.query("SELECT author_pseudonym FROM questions").stream().map(row -> row.get(0)).toList());
    assertThat(forbidden).hasSizeGreaterThan(10);
    assertThat(scrape).doesNotContain(forbidden);
    Matcher m = SAMPLE.matcher(scrape);
    int samples = 0;
    while (m.find()) {
      samples++;
      Matcher label = LABEL.matcher(m.group(2) == null ? "" : m.group(2));
      while (label.find()) {
        assertThat(label.group(1)).isIn(Set.of("platform", "kind", "outcome"));
        assertThat(label.group(2))
            .isIn(
                Set.of(
                    "slack",
                    "teams",
                    "console",
                    "reminder",
                    "board",
                    "summary",
                    "answered",
                    "moderator_alert",
                    "sent",
                    "retried",
                    "failed"));
      }
    }
    assertThat(samples).isGreaterThan(50);
  }

  private String scrape() throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    return r.body();
  }

  /** The value of the one sample of {@code name} with every label {@code key=value} given. */
  private static double sample(String scrape, String name, String... labels) {
    List<Double> found = new ArrayList<>();
    Matcher m = SAMPLE.matcher(scrape);
    while (m.find()) {
      if (!m.group(1).equals(name)) {
        continue;
      }
      String have = m.group(2) == null ? "" : m.group(2);
      boolean all = true;
      for (String label : labels) {
        String[] kv = label.split("=", 2);
        all &= have.contains(kv[0] + "=\"" + kv[1] + "\"");
      }
      if (all) {
        found.add(Double.parseDouble(m.group(3)));
      }
    }
    assertThat(found).as("samples of %s %s in%n%s", name, List.of(labels), scrape).hasSize(1);
    return found.get(0);
  }
}
