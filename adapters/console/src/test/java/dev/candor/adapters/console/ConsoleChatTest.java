package dev.candor.adapters.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.testing.TestCandor;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The terminal chat: one person acting as several, through the shared command language. */
class ConsoleChatTest {
  private TestCandor t;
  private ByteArrayOutputStream bytes;
  private ConsoleChat chat;

  @BeforeEach
  void setUp() {
    t =
        TestCandor.create()
            .withOrganizers("console:host")
            .withChannels(new ChannelRef(Platform.CONSOLE, "main"))
            .build();
    bytes = new ByteArrayOutputStream();
    chat =
        new ConsoleChat(
            t.candor().commands(), new PrintStream(bytes, true, StandardCharsets.UTF_8), "host");
  }

  @AfterEach
  void tearDown() {
    t.close();
  }

  @Test
  void givenAsPrefix_thenTheCommandRunsAsThatPersonOnly() {
    chat.handle("schedule \"Budget\" in 2h for 45m");

    String asked = chat.handle("as alice: ask s1 Why was the budget cut?");

    assertThat(asked).contains("Asked anonymously as q");
    assertThat(chat.handle("whoami-is-not-a-command")).contains("Unknown command");
    // The host did not become alice: scheduling again still works (only organizers may).
    assertThat(chat.handle("schedule \"Second\" in 3h")).startsWith("Scheduled s2");
  }

  @Test
  void givenAsWithoutCommand_thenThePersonSwitchesUntilTheNextSwitch() {
    chat.handle("schedule \"Budget\" in 2h");

    assertThat(chat.handle("as bob")).isEqualTo("You are now 'bob'.");
    assertThat(chat.handle("schedule \"Not allowed\" in 2h")).contains("Only organizers");
  }

  @Test
  void givenThreeAskersAndKThree_thenTheBoardShowsTheirQuestionsAndVotes() {
    chat.handle("schedule \"Budget\" in 2h");
    chat.handle("as a1: ask s1 First question here");
    chat.handle("as a2: ask s1 Second question here");
    String third = chat.handle("as a3: ask s1 Third question here");
    String id = firstId(third);

    assertThat(chat.handle("as a1: vote " + id)).contains("1 vote");
    assertThat(chat.handle("as a1: questions s1"))
        .contains("First question here")
        .contains("Third question here")
        .contains("You voted for: " + id);
  }

  @Test
  void givenBadAsSyntax_thenOneLineSaysTheRightForm() {
    String answer = chat.handle("as al ice: ask hello");

    assertThat(answer).startsWith("✗").contains("as <name>: <command>").doesNotContain("\n");
  }

  @Test
  void givenAScript_thenRunReadsUntilQuitAndPrintsPrompts() throws Exception {
    chat.run(new BufferedReader(new StringReader("help\nquit\nsessions\n")));

    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("host> ").contains("Who can see what").doesNotContain("Sessions:");
  }

  private static String firstId(String reply) {
    Matcher m = Pattern.compile("\\b(q[a-z0-9]{4})\\b").matcher(reply);
    assertThat(m.find()).as(reply).isTrue();
    return m.group(1);
  }
}
