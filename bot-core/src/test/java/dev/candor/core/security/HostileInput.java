package dev.candor.core.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of what a hostile or careless person can make a chat platform forward: control
 * characters and NUL, bidi overrides and isolates, zero-width characters, emoji (surrogate pairs,
 * ZWJ sequences, flags, lone surrogates), mentions of Slack and Teams, markdown and card syntax,
 * injection classics, strings up to 20,000 characters, and command-shaped lines (a command word in
 * any case followed by a mix of the above, real-looking ids, keywords, times and durations).
 *
 * <p>Command-shaped lines may contain the placeholders {@code {s}} and {@code {q}}; a test that
 * runs them against a live core replaces them with real session and question ids (see {@code
 * CommandParserPropertyTest}), and to the parser alone they are just more garbage. Part B's
 * payload-handler fuzzing for Slack and Teams can reuse these generators for field values.
 */
public final class HostileInput {
  /** The most characters a generated string has. */
  public static final int MAX_LENGTH = 20_000;

  /** Characters that break text in ways people do not see. */
  static final String INVISIBLE =
      "\u0000\u0001\u0007\u0008\u000B\u000C\u001B\u007F\u0085\u00AD\u061C\u180E"
          + "\u200B\u200C\u200D\u200E\u200F\u2028\u2029"
          + "\u202A\u202B\u202C\u202D\u202E\u2060\u2066\u2067\u2068\u2069\uFEFF\uFFF9\uFFFC\uFFFD"
          + "\uD800\uDBFF\uDC00\uDFFF\uE000";

  /** Whitespace of every kind, including the Unicode spaces Java's trim() leaves alone. */
  static final String SPACES = " \t\n\r\u00A0\u1680\u2000\u2007\u200A\u202F\u205F\u3000";

  static final String QUOTES = "\"'`\u201C\u201D\u2018\u2019\u00AB\u00BB";

  static final String PUNCTUATION = "<>@!#^|*_~[](){}:;,./\\-+=$%&?";

  /** A mixed alphabet: letters and digits, with everything above mixed in. */
  static final String POOL =
      "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ0123456789"
          + "éßøΩЖ中文日本語한국어עבריתالعربية١٢٣"
          + INVISIBLE
          + SPACES
          + QUOTES
          + PUNCTUATION;

  static final List<String> COMMANDS =
      List.of(
          "help", "sessions", "schedule", "ask", "questions", "vote", "unvote", "withdraw", "open",
          "close", "cancel", "archive", "hide", "answer", "merge", "approve", "summary", "export",
          "reschedule", "carry", "stop", "themes", "followup", "present", "tallies", "escalate");

  static final List<String> SPECIAL_TOKENS =
      List.of(
          "<!channel>", "<!here>", "<!everyone>", "<!here|here>", "<@U123>", "<@U123|bob>",
          "<@W0ABC>", "<!subteam^S1>", "<!subteam^S1|@team>", "<#C123|general>", "<#C123>",
          "<!date^1392734382^{date}|x>", "<http://evil.example|click me>", "<mailto:a@b.c|mail>",
          "<at>x</at>", "<at>Jane Doe</at>", "<at id=\"0\">Bot</at>", "@everyone", "@here",
          "@channel", "*bold*", "_italic_", "~strike~", "`code`", "```block```", "> quote",
          "[link](javascript:alert(1))", "![img](http://x/y.png)", "# Heading", "---", "| a | b |",
          "{\"type\":\"AdaptiveCard\",\"body\":[]}", "{{x}}", "${jndi:ldap://x/a}", "%s%n%x",
          "' OR 1=1 --", "'; DROP TABLE questions; --", "<script>alert(1)</script>", "&lt;&amp;",
          "\\n", "\\u0000", "..\\..\\etc\\passwd", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(1)");

  static final List<String> EMOJI =
      List.of(
          "😀", "👍🏽", "👩‍👩‍👧‍👦", "🏳️‍🌈", "🇩🇪", "❤️", "🧑🏿‍🚀", "1️⃣", "\uD83D", "\uDE00", "\uDE00\uD83D",
          "e\u0301", "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357");

  /** Words the parser gives a meaning to, ids of every shape, times, durations, zones. */
  static final List<String> MEANINGFUL =
      List.of(
          "{s}", "{q}", "{s}", "{q}", "s1", "S2", "s0", "s-1", "s99999999999999999999", "12", "s١٢",
          "q2345", "Q2345", "#q2345", "2345", "qzzzz", "q0000", "q١٢٣٤", "into", "for", "tz",
          "moderators", "channels", "k", "release", "premoderate", "reminders", "none", "every",
          "week", "weeks", "day", "thursday", "in", "today", "tomorrow", "15:00", "3pm", "12am",
          "25:61", "2026-12-03", "2026-02-30", "9999-12-31", "0000-01-01", "2026-12-03T15:00",
          "1h30m", "0", "0s", "999999999d", "45m", "99999999999999h", "Europe/Berlin",
          "europe/berlin", "UTC", "+05:00", "Z", "GMT+14", "Etc/GMT-14", "America/New_York",
          "slack:C1", "teams:19:abc@thread.tacv2", "console:x", "slack:", ":x", "slack:U1",
          "@ana", "csv", "json", "md", "xml", "5", "2", "3", "-1", "2147483648");

  private HostileInput() {}

  /** Any hostile text: random, command-shaped or huge, in proportions that find bugs quickly. */
  public static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        Tuple.of(25, commandLine()),
        Tuple.of(20, wellFormedWithOneHostilePart()),
        Tuple.of(20, Arbitraries.strings().withChars(POOL).ofMaxLength(300)),
        Tuple.of(10, Arbitraries.strings().all().ofMaxLength(80)),
        Tuple.of(10, tokens().list().ofMaxSize(20).map(l -> String.join("", l))),
        Tuple.of(8, huge()),
        Tuple.of(7, Combinators.combine(command(), huge()).as((c, h) -> c + " " + h)));
  }

  /** A command word (in some case, or a near miss) and up to a dozen arguments. */
  public static Arbitrary<String> commandLine() {
    Arbitrary<String> argument = Combinators.combine(separator(), token()).as(String::concat);
    return Combinators.combine(leading(), command(), argument.list().ofMaxSize(12), trailing())
        .as((lead, verb, args, trail) -> lead + verb + String.join("", args) + trail);
  }

  /**
   * Well-formed commands with one place filled with something hostile, so that generated input
   * gets past the parser and into the core: titles, starts, options, question text, reasons,
   * answers, ids and formats.
   */
  public static Arbitrary<String> wellFormedWithOneHostilePart() {
    return Combinators.combine(Arbitraries.of(TEMPLATES), fragment())
        .as((template, part) -> template.replace("%", part));
  }

  static final List<String> TEMPLATES =
      List.of(
          "schedule \"%\" tomorrow 15:00",
          "schedule % in 2h",
          "schedule \"T\" %",
          "schedule \"T\" tomorrow 15:00 for %",
          "schedule \"T\" tomorrow 15:00 tz %",
          "schedule \"T\" tomorrow 15:00 moderators %",
          "schedule \"T\" in 2h moderators console:moderator %",
          "schedule \"T\" in 2h channels %",
          "schedule \"T\" in 2h channels console:general %",
          "schedule \"T\" in 2h k %",
          "schedule \"T\" in 2h release %",
          "schedule \"T\" in 2h premoderate %",
          "schedule \"T\" in 2h reminders %",
          "schedule \"T\" every % 15:00",
          "ask {s} %",
          "ask %",
          "hide {q} %",
          "answer {q} %",
          "merge {q} into %",
          "merge % into {q}",
          "export {s} %",
          "vote %",
          "unvote %",
          "withdraw %",
          "questions %",
          "summary %",
          "open %",
          "close %",
          "help %",
          "reschedule {s} %",
          "reschedule {s} tomorrow 15:00 for %",
          "carry %",
          "stop %");

  private static Arbitrary<String> fragment() {
    return Arbitraries.frequencyOf(
        Tuple.of(30, token()),
        Tuple.of(20, tokens().list().ofMinSize(1).ofMaxSize(8).map(l -> String.join("", l))),
        Tuple.of(20, longWord()),
        Tuple.of(25, Arbitraries.strings().withChars(POOL).ofMinLength(1).ofMaxLength(200)),
        Tuple.of(5, huge()));
  }

  /** One argument: mostly meaningful words, often hostile ones, sometimes very long. */
  public static Arbitrary<String> token() {
    return Arbitraries.frequencyOf(
        Tuple.of(35, Arbitraries.of(MEANINGFUL)),
        Tuple.of(15, Arbitraries.of(SPECIAL_TOKENS)),
        Tuple.of(10, Arbitraries.of(EMOJI)),
        Tuple.of(25, Arbitraries.strings().withChars(POOL).ofMinLength(1).ofMaxLength(16)),
        Tuple.of(8, quoted()),
        Tuple.of(7, longWord()));
  }

  private static Arbitrary<String> tokens() {
    return Arbitraries.oneOf(token(), separator());
  }

  private static Arbitrary<String> command() {
    List<String> forms = new ArrayList<>();
    for (String c : COMMANDS) {
      forms.add(c);
      forms.add(c.toUpperCase(Locale.ROOT));
      forms.add(Character.toUpperCase(c.charAt(0)) + c.substring(1));
    }
    return Arbitraries.frequencyOf(
        Tuple.of(80, Arbitraries.of(forms)),
        Tuple.of(
            10,
            Combinators.combine(Arbitraries.of(COMMANDS), Arbitraries.strings().withChars(INVISIBLE).ofLength(1))
                .as(String::concat)),
        Tuple.of(10, Arbitraries.of("/candor", "", "askk", "vote\u200B", "ａｓｋ", "ask:", "?")));
  }

  private static Arbitrary<String> separator() {
    return Arbitraries.frequencyOf(
        Tuple.of(70, Arbitraries.just(" ")),
        Tuple.of(20, Arbitraries.strings().withChars(SPACES).ofMinLength(1).ofMaxLength(3)),
        Tuple.of(5, Arbitraries.strings().withChars(INVISIBLE).ofMinLength(1).ofMaxLength(2)),
        Tuple.of(5, Arbitraries.just("")));
  }

  private static Arbitrary<String> leading() {
    return Arbitraries.frequencyOf(
        Tuple.of(85, Arbitraries.just("")),
        Tuple.of(15, Arbitraries.strings().withChars(SPACES + INVISIBLE).ofMinLength(1).ofMaxLength(3)));
  }

  private static Arbitrary<String> trailing() {
    return leading();
  }

  private static Arbitrary<String> quoted() {
    return Combinators.combine(
            Arbitraries.of(QUOTES.split("")),
            Arbitraries.strings().withChars(POOL).ofMaxLength(30),
            Arbitraries.of(QUOTES.split("")))
        .as((open, inside, close) -> open + inside + close);
  }

  private static Arbitrary<String> longWord() {
    return Combinators.combine(
            Arbitraries.of("x", "ab", "é", "😀", "\u200B", "q", "<@U1>"),
            Arbitraries.integers().between(200, 1_500))
        .as((unit, n) -> unit.repeat(n));
  }

  /** A string of 3,000 to 20,000 characters: random, or one token repeated. */
  public static Arbitrary<String> huge() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(POOL).ofMinLength(3_000).ofMaxLength(MAX_LENGTH),
        Combinators.combine(token(), Arbitraries.integers().between(3_000, MAX_LENGTH))
            .as((unit, n) -> unit.repeat(Math.max(1, n / Math.max(1, unit.length())))));
  }
}
