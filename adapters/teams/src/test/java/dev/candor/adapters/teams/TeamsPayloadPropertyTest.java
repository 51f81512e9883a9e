package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.candor.adapters.teams.TeamsActivityJson.User;
import dev.candor.core.question.QuestionId;
import dev.candor.core.security.HostileJson;
import dev.candor.core.security.StackTraces;
import dev.candor.core.session.ListeningSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile activities at the Teams endpoint, through the real SDK adapter and {@link CandorBot} over
 * loopback HTTP: well-formed messages, channel mentions, card submits and task invokes whose text
 * is hostile (NUL, bidi overrides, zero-width characters, emoji, mentions, markdown, card JSON as
 * text, huge strings), then mutated field by field (a field gone, of the wrong type, unknown,
 * emptied, stringified) or broken as JSON. Whatever arrives: never a 5xx, no stack trace in the
 * answer or in anything sent to the Bot Connector, and a refused activity (4xx, or answered with an
 * error) stores nothing.
 *
 * <p>Local mode (no app id), so that the ten thousand tries exercise the payload handling rather
 * than JWT checks, which {@link AuthenticationTest} covers. The service URL is put back after each
 * mutation: with authentication on, the SDK only trusts the one the token names.
 */
class TeamsPayloadPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PEOPLE = 40;

  /** Tables an activity could write. */
  private static final List<String> TABLES =
      List.of(
          "sessions",
          "session_channels",
          "session_moderators",
          "questions",
          "votes",
          "followups",
          "escalations",
          "series",
          "session_policies",
          "conversations");

  private TeamsHarness teams;
  private String session;
  private List<String> questions;

  @BeforeProperty
  void start() {
    teams = TeamsHarness.local();
    teams.install();
    ListeningSession s = teams.session();
    session = s.id().toString();
    List<QuestionId> ids = teams.core.askEach(s.id(), 1, 3);
    questions = ids.stream().map(QuestionId::toString).toList();
  }

  @AfterProperty
  void stop() {
    if (teams != null) {
      teams.close();
    }
  }

  @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
  void givenHostileActivities_thenNo5xxNoStackTraceAndRefusalsStoreNothing(
      @ForAll("activities") Hostile activity) {
    String body = activity.json(teams.connector.serviceUrl(), session, questions);
    // A breakage can leave valid JSON naming another Bot Connector: replies to a connector that is
    // not there fail upstream, which ConnectorFailuresTest covers; with authentication on, the
    // token decides which connector is trusted.
    Assume.that(namesOurConnectorOrIsBroken(body));
    Map<String, Long> before = state();
    int sentBefore = teams.connector.requests().size();

    BotServer.Answer answer = teams.server.post(body);

    Map<String, Long> after = state();
    List<FakeConnector.Request> sent =
        teams.connector.requests().subList(sentBefore, teams.connector.requests().size());
    assertThat(answer.status()).as("status for %s", body).isLessThan(500);
    assertThat(StackTraces.find(answer.body(), body)).as("answer to %s", body).isEmpty();
    for (FakeConnector.Request r : sent) {
      assertThat(StackTraces.find(String.valueOf(r.body()), body))
          .as("sent after %s", body)
          .isEmpty();
    }
    if (answer.status() >= 400) {
      assertThat(after).as("state after a refused %s", body).isEqualTo(before);
      assertThat(sent).isEmpty();
    } else if (toldAnError(answer, sent)) {
      assertThat(after.get("questions")).isEqualTo(before.get("questions"));
      assertThat(after.get("votes")).isEqualTo(before.get("votes"));
    }
    Statistics.label("status").collect(answer.status() / 100 + "xx");
    Statistics.label("stored").collect(!after.equals(before));
    Statistics.label("status").coverage(c -> c.check("2xx").percentage(p -> p >= 40.0));
    Statistics.label("stored").coverage(c -> c.check(true).percentage(p -> p >= 1.0));
  }

  private boolean namesOurConnectorOrIsBroken(String body) {
    try {
      JsonNode url = JSON.readTree(body).path("serviceUrl");
      return !url.isTextual() || url.asText().equals(teams.connector.serviceUrl());
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }

  /** An error card posted back, or an invoke answered with a message that says it failed. */
  private static boolean toldAnError(BotServer.Answer answer, List<FakeConnector.Request> sent) {
    for (FakeConnector.Request r : sent) {
      Optional<JsonNode> card = card(r);
      if (card.isPresent() && TeamsHarness.showsError(card.get())) {
        return true;
      }
    }
    return answer.body().contains("Attention") || answer.body().contains("✗");
  }

  private static Optional<JsonNode> card(FakeConnector.Request r) {
    return r.body() == null || r.card().isMissingNode() ? Optional.empty() : Optional.of(r.card());
  }

  private Map<String, Long> state() {
    Map<String, Long> counts = new TreeMap<>();
    for (String table : TABLES) {
      counts.put(table, teams.core.count(table));
    }
    return counts;
  }

  @Provide
  Arbitrary<Hostile> activities() {
    Arbitrary<Integer> person = Arbitraries.integers().between(0, PEOPLE - 1);
    Arbitrary<String> text = HostileJson.text();
    Arbitrary<Base> base =
        Arbitraries.frequencyOf(
            Tuple.of(20, Arbitraries.just(Base.ASK)),
            Tuple.of(15, Arbitraries.just(Base.VOTE)),
            Tuple.of(10, Arbitraries.just(Base.TYPED)),
            Tuple.of(10, Arbitraries.just(Base.CHANNEL)),
            Tuple.of(15, Arbitraries.just(Base.SUBMIT)),
            Tuple.of(15, Arbitraries.just(Base.FETCH)),
            Tuple.of(10, Arbitraries.just(Base.CARD_MESSAGE)),
            Tuple.of(5, Arbitraries.just(Base.INSTALL)));
    Arbitrary<Optional<HostileJson.Breakage>> broken =
        Arbitraries.frequencyOf(
            Tuple.of(90, Arbitraries.just(Optional.<HostileJson.Breakage>empty())),
            Tuple.of(10, HostileJson.breakage().map(Optional::of)));
    return Combinators.combine(
            base,
            person,
            text,
            Arbitraries.of(CardIds.VOTE, CardIds.UNVOTE, CardIds.ASK, CardIds.HIDE, "nope"),
            HostileJson.mutations(),
            broken)
        .as(Hostile::new);
  }

  /** The well-formed activity a hostile one starts from. */
  enum Base {
    ASK,
    VOTE,
    TYPED,
    CHANNEL,
    SUBMIT,
    FETCH,
    CARD_MESSAGE,
    INSTALL
  }

  /** A well-formed activity, its hostile text, the mutations and perhaps a breakage. */
  record Hostile(
      Base base,
      int person,
      String text,
      String action,
      List<HostileJson.Mutation> mutations,
      Optional<HostileJson.Breakage> breakage) {

    String json(String serviceUrl, String session, List<String> questions) {
      TeamsActivityJson activities = new TeamsActivityJson(serviceUrl);
      User from = TeamsActivityJson.user("participant-" + person);
      String q = questions.get(Math.floorMod(person, questions.size()));
      ObjectNode data = TeamsActivityJson.data(action).put(CardIds.QUESTION, "{q}");
      data.put(CardIds.SESSION, "{s}").put(CardIds.TEXT, text);
      String raw =
          switch (base) {
            case ASK -> activities.personal(from, "ask {s} " + text);
            case VOTE -> activities.personal(from, "vote {q}");
            case TYPED -> activities.personal(from, text);
            case CHANNEL -> activities.channel(from, text);
            case SUBMIT -> activities.invoke("task/submit", from, person % 2 == 0, data);
            case FETCH -> activities.invoke("task/fetch", from, person % 2 == 1, data);
            case CARD_MESSAGE -> activities.cardSubmitMessage(from, person % 2 == 0, data);
            case INSTALL -> activities.installedInChannel(from);
          };
      JsonNode tree = read(raw);
      for (HostileJson.Mutation m : mutations) {
        m.applyTo(tree);
      }
      fill(tree, session, q);
      if (tree instanceof ObjectNode o) {
        o.put("serviceUrl", serviceUrl);
      }
      String out = tree.toString();
      return breakage.map(b -> b.applyTo(out)).orElse(out);
    }

    private static JsonNode read(String json) {
      try {
        return JSON.readTree(json);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Puts real ids where the generators left {@code {s}}, {@code {q}} and {@code {c}}. */
    private static void fill(JsonNode node, String session, String q) {
      if (node instanceof ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
          JsonNode child = o.get(name);
          if (child.isTextual()) {
            o.set(name, TextNode.valueOf(replace(child.asText(), session, q)));
          } else {
            fill(child, session, q);
          }
        }
      } else if (node != null && node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          JsonNode child = node.get(i);
          if (child.isTextual()) {
            ((ArrayNode) node).set(i, TextNode.valueOf(replace(child.asText(), session, q)));
          } else {
            fill(child, session, q);
          }
        }
      }
    }

    private static String replace(String text, String session, String q) {
      return text.replace("{s}", session).replace("{q}", q).replace("{c}", q.substring(1));
    }
  }
}
