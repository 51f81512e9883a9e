package dev.candor.core.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.arbitraries.ArbitraryDecorator;

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

  /** Every command word, including those still being built (reschedule, themes, …). */
  static final List<String> COMMANDS =
      List.of(
          ("help sessions schedule ask questions vote unvote withdraw open "
                  + "close cancel archive hide answer merge approve summary export "
                  + "reschedule carry stop themes merge-cluster followup present tallies escalate")
              .split(" "));

  /** Slack and Teams mentions, markdown, card syntax and injection classics, as typed. */
  static final List<String> SPECIAL_TOKENS = lines("mentions-and-markup.txt");

  /** Emoji of every construction, lone surrogates and combining marks. */
  static final List<String> EMOJI =
      List.of(
          ("😀 👍🏽 👩‍👩‍👧‍👦 🏳️‍🌈 🇩🇪 ❤️ 🧑🏿‍🚀 1️⃣ "
                  + "\uD83D \uDE00 \uDE00\uD83D e\u0301 Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357")
              .split(" "));

  /** Words the parser gives a meaning to, ids of every shape, times, durations, zones. */
  static final List<String> MEANINGFUL = lines("meaningful-words.txt");

  /** Well-formed commands with a {@code %} where the hostile part goes. */
  static final List<String> TEMPLATES = lines("command-templates.txt");

  // Built once each (see once()): the public generators below, and what they are made of.
  private static final Arbitrary<String> TEXT = once(HostileInput::anyText);
  private static final Arbitrary<String> COMMAND_LINE = once(HostileInput::anyCommandLine);
  private static final Arbitrary<String> WELL_FORMED = once(HostileInput::anyWellFormed);
  private static final Arbitrary<String> TOKEN = once(HostileInput::anyToken);
  private static final Arbitrary<String> HUGE = once(HostileInput::anyHuge);

  private HostileInput() {}

  /** Any hostile text: random, command-shaped or huge, in proportions that find bugs quickly. */
  public static Arbitrary<String> text() {
    return TEXT;
  }

  private static Arbitrary<String> anyText() {
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
    return COMMAND_LINE;
  }

  private static Arbitrary<String> anyCommandLine() {
    Arbitrary<String> argument = Combinators.combine(separator(), token()).as(String::concat);
    return Combinators.combine(leading(), command(), argument.list().ofMaxSize(12), trailing())
        .as((lead, verb, args, trail) -> lead + verb + String.join("", args) + trail);
  }

  /**
   * Well-formed commands with one place filled with something hostile, so that generated input gets
   * past the parser and into the core: titles, starts, options, question text, reasons, answers,
   * ids and formats.
   */
  public static Arbitrary<String> wellFormedWithOneHostilePart() {
    return WELL_FORMED;
  }

  private static Arbitrary<String> anyWellFormed() {
    return Combinators.combine(Arbitraries.of(TEMPLATES), fragment())
        .as((template, part) -> template.replace("%", part));
  }

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
    return TOKEN;
  }

  private static Arbitrary<String> anyToken() {
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
            Combinators.combine(
                    Arbitraries.of(COMMANDS),
                    Arbitraries.strings().withChars(INVISIBLE).ofLength(1))
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
        Tuple.of(
            15, Arbitraries.strings().withChars(SPACES + INVISIBLE).ofMinLength(1).ofMaxLength(3)));
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
    return HUGE;
  }

  private static Arbitrary<String> anyHuge() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(POOL).ofMinLength(3_000).ofMaxLength(MAX_LENGTH),
        Combinators.combine(token(), Arbitraries.integers().between(3_000, MAX_LENGTH))
            .as((unit, n) -> unit.repeat(Math.max(1, n / Math.max(1, unit.length())))));
  }

  /**
   * An arbitrary built on first use and then shared. Each time a {@code frequencyOf} or {@code
   * oneOf} picks an arbitrary, jqwik looks its generator up by the arbitrary's hash code, and for a
   * deep tree like these that hash costs more than the value; a decorator hashes by identity.
   */
  public static <T> Arbitrary<T> once(Supplier<Arbitrary<T>> build) {
    return new ArbitraryDecorator<>() {
      @Override
      protected Arbitrary<T> arbitrary() {
        return build.get();
      }
    };
  }

  /** The lines of a resource beside this class, each one value as typed (no comments). */
  private static List<String> lines(String resource) {
    try (InputStream in = HostileInput.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.isEmpty())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
