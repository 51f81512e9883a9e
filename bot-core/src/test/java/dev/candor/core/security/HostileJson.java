package dev.candor.core.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of what a careless or hostile client makes of a platform's JSON payloads: any
 * JSON value (wrong types, huge and hostile strings, card and Block Kit syntax as text), {@link
 * Mutation mutations} of a well-formed payload (a field gone, a value of the wrong type, an unknown
 * field, a list emptied), and {@link Breakage breakages} that leave no valid JSON at all. The
 * payload handler tests of the Slack and Teams adapters build well-formed payloads and run them
 * through these.
 */
public final class HostileJson {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** JSON of the platforms' own UI languages, written where plain text belongs. */
  static final List<String> MARKUP_AS_TEXT =
      List.of(
          "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[{\"type\":\"TextBlock\","
              + "\"text\":\"<at>Boss</at> approved\"}],\"actions\":[{\"type\":\"Action.Submit\","
              + "\"data\":{\"action\":\"vote\",\"question\":\"{q}\"}}]}",
          "[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"<!channel> *urgent*\"}}]",
          "{\"blocks\":[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\","
              + "\"action_id\":\"candor_board_upvote\",\"value\":\"{q}\"}]}]}",
          "{\"response_action\":\"clear\"}",
          "{\"task\":{\"type\":\"message\",\"value\":\"Voted\"}}",
          "{\"op\":\"hide\",\"question\":\"{c}\"}",
          "{\"duplicate\":\"{c}\"}",
          "{\"action\":\"ask\",\"session\":\"{s}\",\"text\":\"hi\"}");

  // Built once each (see HostileInput.once).
  private static final Arbitrary<String> TEXT = HostileInput.once(HostileJson::anyText);
  private static final Arbitrary<String> KEY = HostileInput.once(HostileJson::anyKey);
  private static final Arbitrary<JsonNode> SCALAR = HostileInput.once(HostileJson::anyScalar);
  private static final Arbitrary<JsonNode> VALUE = HostileInput.once(() -> value(2));
  private static final Arbitrary<List<Mutation>> MUTATIONS =
      HostileInput.once(HostileJson::anyMutations);
  private static final Arbitrary<Breakage> BREAKAGE = HostileInput.once(HostileJson::anyBreakage);

  private HostileJson() {}

  /** A JSON value of any type, at most a few levels deep. */
  public static Arbitrary<JsonNode> value() {
    return VALUE;
  }

  private static Arbitrary<JsonNode> value(int depth) {
    if (depth == 0) {
      return scalar();
    }
    Arbitrary<JsonNode> inner = Arbitraries.lazy(() -> value(depth - 1));
    return Arbitraries.frequencyOf(
        Tuple.of(80, scalar()),
        Tuple.of(10, inner.list().ofMaxSize(3).map(HostileJson::array)),
        Tuple.of(
            10,
            Combinators.combine(key(), inner)
                .as(Tuple::of)
                .list()
                .ofMaxSize(3)
                .map(HostileJson::object)));
  }

  /** Strings of every kind, numbers at the edges, booleans and null. */
  public static Arbitrary<JsonNode> scalar() {
    return SCALAR;
  }

  private static Arbitrary<JsonNode> anyScalar() {
    return Arbitraries.frequencyOf(
        Tuple.of(40, text().map(t -> (JsonNode) JSON.textNode(t))),
        Tuple.of(
            10,
            Arbitraries.of(0L, -1L, 1L, Long.MAX_VALUE, Long.MIN_VALUE, 2_147_483_648L)
                .map(n -> (JsonNode) JSON.numberNode(n))),
        Tuple.of(
            5,
            Arbitraries.of(
                    JSON.numberNode(-0.0),
                    JSON.numberNode(1.5),
                    JSON.numberNode(1e308),
                    JSON.numberNode(new BigDecimal("1e400")),
                    JSON.numberNode(new BigInteger("9".repeat(60))))
                .map(n -> (JsonNode) n)),
        Tuple.of(
            5, Arbitraries.of(JSON.booleanNode(true), JSON.booleanNode(false), JSON.nullNode())));
  }

  /**
   * Text for a field: hostile text (see {@link HostileInput#text()}), the platforms' markup as JSON
   * text, or one of the placeholders {@code {s}}, {@code {q}} and {@code {c}} that a test replaces
   * with a real session id, question id and bare question code.
   */
  public static Arbitrary<String> text() {
    return TEXT;
  }

  private static Arbitrary<String> anyText() {
    return Arbitraries.frequencyOf(
        Tuple.of(25, HostileInput.text()),
        Tuple.of(20, HostileInput.token()),
        Tuple.of(10, HostileInput.commandLine()),
        Tuple.of(15, Arbitraries.of("{s}", "{q}", "{c}", " {q} ", "Q{c}", "#{q}", "{s}{q}")),
        Tuple.of(10, Arbitraries.of(MARKUP_AS_TEXT)),
        Tuple.of(10, repeated()),
        Tuple.of(10, Arbitraries.of("", " ", "\u0000", "\u202E", "\u200B", "null", "[]", "{}")));
  }

  /** Up to {@link HostileInput#MAX_LENGTH} characters: a hostile token or two, repeated. */
  private static Arbitrary<String> repeated() {
    return Combinators.combine(
            HostileInput.token(),
            HostileInput.token(),
            Arbitraries.integers().between(500, HostileInput.MAX_LENGTH))
        .as(
            (a, b, n) -> {
              String unit = a + b;
              return unit.isEmpty() ? "x".repeat(n) : unit.repeat(Math.max(1, n / unit.length()));
            });
  }

  private static Arbitrary<String> key() {
    return KEY;
  }

  private static Arbitrary<String> anyKey() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            60,
            Arbitraries.of(
                "type",
                "text",
                "value",
                "id",
                "user",
                "team",
                "action",
                "question",
                "session",
                "data",
                "actions",
                "view",
                "name",
                "from",
                "conversation",
                "channelData")),
        Tuple.of(40, HostileInput.token()));
  }

  private static JsonNode array(List<JsonNode> items) {
    ArrayNode array = JSON.arrayNode();
    items.forEach(array::add);
    return array;
  }

  private static JsonNode object(List<Tuple.Tuple2<String, JsonNode>> fields) {
    ObjectNode object = JSON.objectNode();
    fields.forEach(f -> object.set(f.get1(), f.get2()));
    return object;
  }

  // ---- mutations of well-formed payloads ----

  /** What a {@link Mutation} does to the slot it picks. */
  public enum Kind {
    /** The field or element is gone. */
    REMOVE,
    /** Its value becomes another value, very likely of another type. */
    REPLACE,
    /** Its value is wrapped in a one-element array. */
    WRAP,
    /** An object gains an unknown field (or an array an extra element). */
    ADD,
    /** An object or array is emptied. */
    EMPTY,
    /** An object or array becomes its own JSON text. */
    STRINGIFY
  }

  /**
   * One change to a payload tree. {@code target} picks a slot (a field of an object or an element
   * of an array, in document order) modulo how many there are, so that any tree can take any
   * mutation.
   */
  public record Mutation(Kind kind, int target, String key, JsonNode value) {
    /** Applies the change in place to {@code root}, an object or an array. */
    public void applyTo(JsonNode root) {
      List<Slot> slots = new ArrayList<>();
      collect(root, slots);
      if (slots.isEmpty()) {
        return;
      }
      Slot slot = slots.get(Math.floorMod(target, slots.size()));
      JsonNode current = slot.get();
      switch (kind) {
        case REMOVE -> slot.remove();
        case REPLACE -> slot.set(value.deepCopy());
        case WRAP -> slot.set(JSON.arrayNode().add(current));
        case ADD -> {
          if (current instanceof ObjectNode o) {
            o.set(key, value.deepCopy());
          } else if (current instanceof ArrayNode a) {
            a.add(value.deepCopy());
          } else {
            slot.set(value.deepCopy());
          }
        }
        case EMPTY -> {
          if (current.isContainerNode()) {
            slot.set(current.isArray() ? JSON.arrayNode() : JSON.objectNode());
          } else {
            slot.set(JSON.textNode(""));
          }
        }
        case STRINGIFY -> slot.set(JSON.textNode(current.toString()));
      }
    }
  }

  /** None half of the time, so that most payloads get past parsing; else one to four. */
  public static Arbitrary<List<Mutation>> mutations() {
    return MUTATIONS;
  }

  private static Arbitrary<List<Mutation>> anyMutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    Tuple.of(25, Arbitraries.just(Kind.REMOVE)),
                    Tuple.of(40, Arbitraries.just(Kind.REPLACE)),
                    Tuple.of(8, Arbitraries.just(Kind.WRAP)),
                    Tuple.of(12, Arbitraries.just(Kind.ADD)),
                    Tuple.of(8, Arbitraries.just(Kind.EMPTY)),
                    Tuple.of(7, Arbitraries.just(Kind.STRINGIFY))),
                Arbitraries.integers().between(0, 10_000),
                key(),
                Arbitraries.frequencyOf(Tuple.of(75, scalar()), Tuple.of(25, value(1))))
            .as(Mutation::new);
    return Arbitraries.frequencyOf(
        Tuple.of(50, Arbitraries.just(List.<Mutation>of())),
        Tuple.of(50, one.list().ofMinSize(1).ofMaxSize(4)));
  }

  /** A place in a tree: a field of an object or an element of an array. */
  private record Slot(JsonNode parent, String field, int index) {
    JsonNode get() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) parent).set(field, value);
      } else {
        ((ArrayNode) parent).set(index, value);
      }
    }

    void remove() {
      if (field != null) {
        ((ObjectNode) parent).remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node instanceof ObjectNode o) {
      for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        slots.add(new Slot(o, name, -1));
        collect(o.get(name), slots);
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        slots.add(new Slot(a, null, i));
        collect(a.get(i), slots);
      }
    }
  }

  // ---- text that is not JSON, or not the JSON expected ----

  /** How a {@link Breakage} spoils JSON text. */
  public enum Damage {
    TRUNCATE,
    INSERT,
    DELETE,
    DEEP_NESTING,
    TRAILING_GARBAGE,
    SINGLE_QUOTES,
    BYTE_ORDER_MARK,
    LONE_SURROGATE,
    DUPLICATE_KEY,
    WRONG_TOP_LEVEL,
    NOT_JSON
  }

  /** One way to spoil JSON text, at a position taken modulo the text's length. */
  public record Breakage(Damage damage, int position, String garbage) {
    public String applyTo(String json) {
      int at = json.isEmpty() ? 0 : Math.floorMod(position, json.length());
      return switch (damage) {
        case TRUNCATE -> json.substring(0, at);
        case INSERT -> json.substring(0, at) + garbage + json.substring(at);
        case DELETE -> json.isEmpty() ? json : json.substring(0, at) + json.substring(at + 1);
        case DEEP_NESTING -> {
          int depth = 200 + Math.floorMod(position, 20_000);
          yield "[".repeat(depth) + json + "]".repeat(depth);
        }
        case TRAILING_GARBAGE -> json + garbage;
        case SINGLE_QUOTES -> json.replace('"', '\'');
        case BYTE_ORDER_MARK -> "\uFEFF" + json;
        case LONE_SURROGATE ->
            json.replaceFirst("\"([^\"]*)\"", "\"\\\\ud800$1\\\\udc00\\\\u0000\"");
        case DUPLICATE_KEY ->
            json.startsWith("{") ? "{\"type\":" + quoted(garbage) + "," + json.substring(1) : json;
        case WRONG_TOP_LEVEL ->
            List.of("[" + json + "]", "null", "42", quoted(json), "true", "[]", "\"\"")
                .get(Math.floorMod(position, 7));
        case NOT_JSON -> garbage;
      };
    }
  }

  /** Any breakage, with garbage that is hostile text. */
  public static Arbitrary<Breakage> breakage() {
    return BREAKAGE;
  }

  private static Arbitrary<Breakage> anyBreakage() {
    return Combinators.combine(
            Arbitraries.of(Damage.class),
            Arbitraries.integers().between(0, 100_000),
            Arbitraries.oneOf(
                HostileInput.text(),
                Arbitraries.of("{", "}", "]", "\"", ",", ":", "\\", "\u0000", "}{", ",,", "nul")))
        .as(Breakage::new);
  }

  private static String quoted(String text) {
    return JSON.textNode(text).toString();
  }
}
