package dev.candor.adapters.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.adapters.slack.render.Ids;
import dev.candor.core.security.HostileInput;
import dev.candor.core.security.HostileJson;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of what can reach {@code POST /slack/events}: slash commands with hostile text
 * and fields, interaction payloads (block_actions, view_submission, shortcuts) and event callbacks
 * built like Slack builds them and then damaged (see {@link HostileJson}), and bodies that are no
 * Slack request at all; each signed correctly or in one of the ways a forger would. Values may hold
 * the placeholders of {@link HostileJson#text()} and {@code {trigger}} and {@code {response_url}},
 * which the test fills in before signing.
 */
final class HostileSlack {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FORM = "application/x-www-form-urlencoded";

  /** How a request is signed. */
  enum Signing {
    VALID,
    NONE,
    NO_TIMESTAMP,
    NO_SIGNATURE,
    WRONG_SECRET,
    STALE,
    FUTURE,
    OTHER_BODY,
    GARBAGE
  }

  /** One request before the placeholders are filled in and it is signed. */
  record Request(String kind, String contentType, String body, Signing signing) {
    Request signedBy(Signing s) {
      return new Request(kind, contentType, body, s);
    }

    /** The body, decoded when it is a form, and cut in the middle when long: for reports. */
    @Override
    public String toString() {
      String shown = body;
      if (contentType.startsWith(FORM)) {
        try {
          shown = URLDecoder.decode(body, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          // Not valid form encoding: show it as it is.
        }
      }
      if (shown.length() > 4000) {
        shown =
            shown.substring(0, 2000)
                + " …("
                + shown.length()
                + " chars)… "
                + shown.substring(shown.length() - 2000);
      }
      return kind + " " + signing + " " + contentType + "\n" + shown;
    }
  }

  // Built once each (see HostileInput.once).
  private static final Arbitrary<String> USER = HostileInput.once(HostileSlack::anyUser);
  private static final Arbitrary<Request> SLASH = HostileInput.once(HostileSlack::anySlashCommand);
  private static final Arbitrary<Request> INTERACTION =
      HostileInput.once(HostileSlack::anyInteraction);
  private static final Arbitrary<Request> EVENT = HostileInput.once(HostileSlack::anyEvent);
  private static final Arbitrary<Request> GARBAGE = HostileInput.once(HostileSlack::anyGarbage);
  private static final Arbitrary<Request> SIGNED = HostileInput.once(HostileSlack::anySigned);
  private static final Arbitrary<Request> FORGED = HostileInput.once(HostileSlack::anyForged);

  private HostileSlack() {}

  /** Every kind of body, signed correctly. */
  static Arbitrary<Request> signed() {
    return SIGNED;
  }

  private static Arbitrary<Request> anySigned() {
    return Arbitraries.frequencyOf(
        Tuple.of(35, slashCommand()),
        Tuple.of(45, interaction()),
        Tuple.of(8, event()),
        Tuple.of(12, garbage()));
  }

  /** Every kind of body, signed wrongly or not at all. */
  static Arbitrary<Request> forged() {
    return FORGED;
  }

  private static Arbitrary<Request> anyForged() {
    Arbitrary<Signing> wrong = Arbitraries.of(Signing.class).filter(s -> s != Signing.VALID);
    return Combinators.combine(signed(), wrong).as(Request::signedBy);
  }

  // ---- slash commands ----

  private static Arbitrary<Request> slashCommand() {
    return SLASH;
  }

  private static Arbitrary<Request> anySlashCommand() {
    return Combinators.combine(user(), commandText(), formDamage())
        .as(
            (user, text, damage) -> {
              Map<String, String> fields =
                  new LinkedHashMap<>(
                      Payloads.slashCommand(user, text, "{trigger}", "{response_url}"));
              return new Request("slash", FORM, damage.applyTo(fields), Signing.VALID);
            });
  }

  private static Arbitrary<String> commandText() {
    return Arbitraries.frequencyOf(
        Tuple.of(35, HostileInput.wellFormedWithOneHostilePart()),
        Tuple.of(25, HostileInput.commandLine()),
        Tuple.of(20, HostileJson.text()),
        Tuple.of(
            20,
            Arbitraries.of(
                "",
                "ask",
                " ASK ",
                "schedule",
                "help",
                "sessions",
                "questions",
                "ask {s} Why is the budget cut?",
                "vote {q}",
                "unvote {q}",
                "withdraw {q}",
                "hide {q}",
                "answer {q} soon",
                "approve {q}",
                "merge {q} into {q}",
                "summary {s}",
                "export {s} csv",
                "questions {s}")));
  }

  /** What happens to a form's fields: some dropped, replaced, added or repeated. */
  record FormDamage(List<Integer> drop, Map<String, String> set, boolean repeat, String raw) {
    String applyTo(Map<String, String> fields) {
      List<String> names = new ArrayList<>(fields.keySet());
      for (int i : drop) {
        if (!names.isEmpty()) {
          fields.remove(names.get(Math.floorMod(i, names.size())));
        }
      }
      fields.putAll(set);
      String form = Payloads.form(fields);
      if (repeat) {
        form = form + "&" + form;
      }
      return raw == null ? form : form + raw;
    }
  }

  private static Arbitrary<FormDamage> formDamage() {
    Arbitrary<String> field =
        Arbitraries.frequencyOf(
            Tuple.of(60, Arbitraries.of(Payloads.slashCommand("u", "t", "x", "r").keySet())),
            Tuple.of(40, HostileInput.token()));
    Arbitrary<FormDamage> some =
        Combinators.combine(
                Arbitraries.integers().between(0, 50).list().ofMaxSize(3),
                Arbitraries.maps(field, HostileJson.text()).ofMaxSize(3),
                Arbitraries.of(true, false),
                Arbitraries.oneOf(
                    Arbitraries.just((String) null),
                    Arbitraries.of("&", "&&=&", "%", "%zz", "&text=%E2%80", "&text", "+", "=")))
            .as(FormDamage::new);
    return Arbitraries.frequencyOf(
        Tuple.of(70, Arbitraries.just(new FormDamage(List.of(), Map.of(), false, null))),
        Tuple.of(30, some));
  }

  // ---- interactions ----

  private static Arbitrary<Request> interaction() {
    return INTERACTION;
  }

  private static Arbitrary<Request> anyInteraction() {
    Arbitrary<ObjectNode> payload =
        Arbitraries.frequencyOf(
            Tuple.of(35, blockAction()),
            Tuple.of(12, homeAction()),
            Tuple.of(35, viewSubmission()),
            Tuple.of(8, shortcut()),
            Tuple.of(10, otherInteraction()));
    return Combinators.combine(payload, HostileJson.mutations(), breakage())
        .as(
            (tree, mutations, broken) -> {
              mutations.forEach(m -> m.applyTo(tree));
              String json = tree.toString();
              String text = broken.map(b -> b.applyTo(json)).orElse(json);
              String kind = tree.path("type").asText("interaction");
              return new Request(kind, FORM, Payloads.form(Map.of("payload", text)), Signing.VALID);
            });
  }

  private static Arbitrary<ObjectNode> blockAction() {
    Arbitrary<Map<String, Object>> button =
        Combinators.combine(actionId(), actionValue()).as(Payloads::button);
    Arbitrary<Map<String, Object>> menu =
        Combinators.combine(actionId(), moderatorChoice()).as(Payloads::overflow);
    return Combinators.combine(user(), Arbitraries.oneOf(button, menu))
        .as(
            (user, action) ->
                tree(Payloads.messageAction(user, "{trigger}", "{response_url}", action)));
  }

  private static Arbitrary<ObjectNode> homeAction() {
    return Combinators.combine(user(), actionId(), actionValue())
        .as(
            (user, id, value) ->
                tree(Payloads.homeAction(user, "{trigger}", Payloads.button(id, value))));
  }

  private static Arbitrary<ObjectNode> shortcut() {
    Arbitrary<String> callback =
        Arbitraries.frequencyOf(
            Tuple.of(80, Arbitraries.of(Ids.Ask.SHORTCUT, Ids.Schedule.SHORTCUT)),
            Tuple.of(20, HostileJson.text()));
    return Combinators.combine(user(), callback)
        .as((user, id) -> tree(Payloads.shortcut(user, "{trigger}", id)));
  }

  /** Interaction types Candor registers nothing for, and made-up ones. */
  private static Arbitrary<ObjectNode> otherInteraction() {
    return Combinators.combine(
            Arbitraries.of(
                "view_closed",
                "block_suggestion",
                "message_action",
                "dialog_submission",
                "dialog_cancellation",
                "interactive_message",
                "workflow_step_edit",
                "nonsense"),
            user(),
            HostileJson.value())
        .as(
            (type, user, value) -> {
              ObjectNode p = tree(Payloads.shortcut(user, "{trigger}", Ids.Ask.SHORTCUT));
              p.put("type", type);
              p.set("view", JSON.createObjectNode().put("id", "V1").put("callback_id", "x"));
              p.set("value", value);
              return p;
            });
  }

  private static Arbitrary<ObjectNode> viewSubmission() {
    Arbitrary<ObjectNode> ask =
        Combinators.combine(user(), sessionValue(), questionText())
            .as(
                (user, session, text) ->
                    submission(
                        user,
                        Ids.Ask.CALLBACK,
                        null,
                        ViewInput.of()
                            .selected(Ids.Ask.SESSION_BLOCK, Ids.Ask.SESSION_ACTION, session)
                            .text(Ids.Ask.TEXT_BLOCK, Ids.Ask.TEXT_ACTION, text)));
    Arbitrary<ObjectNode> merge =
        Combinators.combine(user(), mergeState(), actionValue())
            .as(
                (user, state, into) ->
                    submission(
                        user,
                        Ids.Board.MERGE_CALLBACK,
                        state,
                        ViewInput.of()
                            .selected(Ids.Board.MERGE_BLOCK, Ids.Board.MERGE_ACTION, into)));
    Arbitrary<ObjectNode> other =
        Combinators.combine(user(), HostileJson.text(), HostileJson.text())
            .as(
                (user, callback, metadata) ->
                    submission(
                        user,
                        callback,
                        metadata,
                        ViewInput.of().text(Ids.Ask.TEXT_BLOCK, Ids.Ask.TEXT_ACTION, metadata)));
    return Arbitraries.frequencyOf(
        Tuple.of(40, ask), Tuple.of(35, schedule()), Tuple.of(15, merge), Tuple.of(10, other));
  }

  private static Arbitrary<ObjectNode> schedule() {
    String v = Ids.Schedule.VALUE;
    Arbitrary<List<String>> texts = formValue().list().ofSize(10);
    return Combinators.combine(organizerMostly(), texts)
        .as(
            (user, t) ->
                submission(
                    user,
                    Ids.Schedule.CALLBACK,
                    null,
                    ViewInput.of()
                        .text(Ids.Schedule.TITLE_BLOCK, v, t.get(0))
                        .date(Ids.Schedule.DATE_BLOCK, v, t.get(1))
                        .time(Ids.Schedule.TIME_BLOCK, v, t.get(2))
                        .selected(Ids.Schedule.ZONE_BLOCK, v, t.get(3))
                        .selected(Ids.Schedule.DURATION_BLOCK, v, t.get(4))
                        .conversations(Ids.Schedule.CHANNELS_BLOCK, v, t.get(5))
                        .users(Ids.Schedule.MODERATORS_BLOCK, v, t.get(6))
                        .checked(Ids.Schedule.REMINDERS_BLOCK, v, t.get(7), "3600")
                        .number(Ids.Schedule.K_BLOCK, v, t.get(8))
                        .checked(Ids.Schedule.OPTIONS_BLOCK, v, t.get(9))));
  }

  /** Mostly plausible form values (a date, a time, a zone, a number), sometimes hostile ones. */
  private static Arbitrary<String> formValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            60,
            Arbitraries.of(
                "Reorg Q&A",
                "2026-03-03",
                "2026-02-30",
                "1999-01-01",
                "+999999999-12-31",
                "15:00",
                "25:61",
                "Europe/Berlin",
                "America/New_York",
                "UTC",
                "Mars/Olympus",
                "45",
                "0",
                "-5",
                "9223372036854775807",
                "99999999999",
                "3",
                "1000",
                "1001",
                SlackRig.CHANNEL,
                SlackRig.MODERATOR,
                "premoderate",
                "86400")),
        Tuple.of(40, HostileJson.text()));
  }

  private static ObjectNode submission(
      String user, String callback, String metadata, ViewInput values) {
    return tree(Payloads.viewSubmission(user, "{trigger}", callback, metadata, values));
  }

  // ---- events ----

  private static Arbitrary<Request> event() {
    return EVENT;
  }

  private static Arbitrary<Request> anyEvent() {
    Arbitrary<ObjectNode> homeOpened =
        Combinators.combine(user(), Arbitraries.of("home", "messages", "about", ""))
            .as(
                (user, tab) -> {
                  ObjectNode p = tree(Payloads.homeOpened(user, "{trigger}"));
                  ((ObjectNode) p.get("event")).put("tab", tab);
                  return p;
                });
    Arbitrary<ObjectNode> challenge =
        HostileJson.text()
            .map(
                c ->
                    JSON.createObjectNode()
                        .put("type", "url_verification")
                        .put("token", "legacy")
                        .put("challenge", c));
    Arbitrary<ObjectNode> other =
        Combinators.combine(
                Arbitraries.of("message", "app_mention", "member_joined_channel", "nonsense"),
                user(),
                HostileJson.text())
            .as(
                (type, user, text) -> {
                  ObjectNode p = tree(Payloads.homeOpened(user, "{trigger}"));
                  ((ObjectNode) p.get("event")).put("type", type).put("text", text);
                  return p;
                });
    return Combinators.combine(
            Arbitraries.frequencyOf(
                Tuple.of(60, homeOpened), Tuple.of(15, challenge), Tuple.of(25, other)),
            HostileJson.mutations(),
            breakage())
        .as(
            (tree, mutations, broken) -> {
              mutations.forEach(m -> m.applyTo(tree));
              String json = tree.toString();
              return new Request(
                  "event",
                  "application/json",
                  broken.map(b -> b.applyTo(json)).orElse(json),
                  Signing.VALID);
            });
  }

  // ---- no Slack request at all ----

  private static Arbitrary<Request> garbage() {
    return GARBAGE;
  }

  private static Arbitrary<Request> anyGarbage() {
    Arbitrary<String> body =
        Arbitraries.frequencyOf(
            Tuple.of(30, HostileInput.text()),
            Tuple.of(15, Arbitraries.strings().all().ofMaxLength(200)),
            Tuple.of(
                15, HostileJson.value().map(v -> Payloads.form(Map.of("payload", v.toString())))),
            Tuple.of(10, HostileJson.value().map(JsonNode::toString)),
            Tuple.of(
                10,
                Arbitraries.maps(HostileInput.token(), HostileInput.token())
                    .ofMaxSize(5)
                    .map(Payloads::form)),
            Tuple.of(
                10,
                Arbitraries.of(
                    "",
                    "ssl_check=1&token=x",
                    "payload=",
                    "payload=%7B",
                    "payload=null",
                    "command=%2Fcandor",
                    "command=%2Fcandor&text=help",
                    "type=event_callback",
                    "{\"type\":\"event_callback\"}",
                    "{\"type\":\"url_verification\"}",
                    "{\"type\":\"block_actions\"}",
                    "{\"type\":\"view_submission\",\"view\":null}")),
            Tuple.of(10, Arbitraries.strings().withChars("{}[]\":,\\&=%+").ofMaxLength(100)));
    Arbitrary<String> type =
        Arbitraries.of(
            FORM,
            "application/json",
            "text/plain",
            "multipart/form-data; boundary=x",
            "",
            "application/x-www-form-urlencoded; charset=ISO-8859-1");
    return Combinators.combine(type, body)
        .as((t, b) -> new Request("garbage", t, b, Signing.VALID));
  }

  // ---- values ----

  /** Who acts: mostly participants, sometimes the moderator or organizer, sometimes nonsense. */
  private static Arbitrary<String> user() {
    return USER;
  }

  private static Arbitrary<String> anyUser() {
    return Arbitraries.frequencyOf(
        Tuple.of(60, Arbitraries.integers().between(1, 40).map(SlackRig::participant)),
        Tuple.of(10, Arbitraries.just(SlackRig.MODERATOR)),
        Tuple.of(10, Arbitraries.just(SlackRig.ORGANIZER)),
        Tuple.of(20, HostileJson.text()));
  }

  private static Arbitrary<String> organizerMostly() {
    return Arbitraries.frequencyOf(
        Tuple.of(60, Arbitraries.just(SlackRig.ORGANIZER)), Tuple.of(40, user()));
  }

  private static Arbitrary<String> actionId() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            85,
            Arbitraries.of(
                Ids.Board.UPVOTE,
                Ids.Board.UNVOTE,
                Ids.Board.MODERATE,
                Ids.Ask.OPEN,
                Ids.Schedule.OPEN,
                Ids.Home.SUMMARY,
                Ids.Home.APPROVE)),
        Tuple.of(15, HostileJson.text()));
  }

  /** A button's value: a real id most of the time. */
  private static Arbitrary<String> actionValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(50, Arbitraries.of("{q}", "{s}", "{c}")), Tuple.of(50, HostileJson.text()));
  }

  private static Arbitrary<String> sessionValue() {
    return Arbitraries.frequencyOf(
        Tuple.of(60, Arbitraries.just("{s}")),
        Tuple.of(40, Arbitraries.oneOf(HostileJson.text(), Arbitraries.of("s0", "s999999"))));
  }

  private static Arbitrary<String> questionText() {
    return Arbitraries.frequencyOf(
        Tuple.of(20, Arbitraries.of("Why is the budget cut?", "Who decided the move to Berlin?")),
        Tuple.of(80, HostileInput.text()));
  }

  /** An overflow option's value: a moderator choice in JSON, or something else. */
  private static Arbitrary<String> moderatorChoice() {
    Arbitrary<String> op = Arbitraries.of("hide", "answered", "merge", "HIDE", "", "delete");
    Arbitrary<String> question =
        Arbitraries.frequencyOf(
            Tuple.of(60, Arbitraries.just("{c}")), Tuple.of(40, HostileJson.text()));
    Arbitrary<String> choice =
        Combinators.combine(op, question)
            .as((o, q) -> JSON.createObjectNode().put("op", o).put("question", q).toString());
    return Arbitraries.frequencyOf(
        Tuple.of(70, choice),
        Tuple.of(20, HostileJson.value().map(JsonNode::toString)),
        Tuple.of(10, HostileJson.text()));
  }

  /** The merge modal's private_metadata: what Candor wrote, or not. */
  private static Arbitrary<String> mergeState() {
    return Arbitraries.frequencyOf(
        Tuple.of(60, Arbitraries.just("{\"duplicate\":\"{c}\"}")),
        Tuple.of(
            20,
            HostileJson.text().map(t -> JSON.createObjectNode().put("duplicate", t).toString())),
        Tuple.of(20, HostileJson.value().map(JsonNode::toString)));
  }

  /** Mostly none; else one way to leave the text no valid JSON. */
  private static Arbitrary<Optional<HostileJson.Breakage>> breakage() {
    return Arbitraries.frequencyOf(
        Tuple.of(90, Arbitraries.just(Optional.<HostileJson.Breakage>empty())),
        Tuple.of(10, HostileJson.breakage().map(Optional::of)));
  }

  private static ObjectNode tree(Map<String, Object> payload) {
    return JSON.valueToTree(payload);
  }
}
