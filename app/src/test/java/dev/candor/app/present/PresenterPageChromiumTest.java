package dev.candor.app.present;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.candor.app.http.HttpServer;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.testing.TestCandor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The presenter page in a real browser: Debian's headless Chromium loads it from the app on
 * loopback, runs its script, and shows the ranked questions with their tallies, user text as text.
 * Skipped where {@code /usr/bin/chromium} is missing; CI installs it ({@code apt-get install -y
 * chromium}).
 */
class PresenterPageChromiumTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 120;

  @TempDir Path temp;
  private TestCandor t;
  private HttpServer server;
  private List<QuestionId> ids;
  private String url;
  private final AtomicInteger polls = new AtomicInteger();
  private volatile Runnable afterFirstPoll = () -> {};

  @BeforeAll
  static void needsChromium() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "headless Chromium is not installed here (apt-get install -y chromium)");
  }

  @BeforeEach
  void start() {
    t = TestCandor.withDefaults();
    server =
        new HttpServer(t.candor())
            .routes(new PresenterRoutes(t.candor())::register)
            .routes(
                app ->
                    app.after(
                        "/present/{token}/board.json",
                        ctx -> {
                          if (polls.incrementAndGet() == 1) {
                            afterFirstPoll.run();
                          }
                        }))
            .start(0);
    ListeningSession s = t.scheduleSession();
    ids =
        List.of(
            ask(1, s, "When do we get the new laptops?"),
            ask(2, s, "<script>document.title='pwned'</script> Why is the VPN slow?"),
            ask(3, s, "<img src=x onerror=\"document.title='pwned'\"> What about parking?"));
    t.voteEach(ids.get(0), 1, 5);
    t.voteEach(ids.get(1), 1, 3);
    t.voteEach(ids.get(2), 1, 1);
    url =
        "http://127.0.0.1:"
            + server.port()
            + t.candor().presenter().link(t.moderator(), s.id(), false);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (t != null) {
      t.close();
    }
  }

  @Test
  void givenThePage_thenAScreenshotOfTheBoardIsTaken() throws Exception {
    Path shot = temp.resolve("presenter.png");

    chromium("--screenshot=" + shot, "--virtual-time-budget=4000", url);

    assertThat(shot).exists();
    String keep = System.getProperty("candor.screenshot.dir");
    if (keep != null) { // e.g. for a CI artifact: -Dcandor.screenshot.dir=target/screenshots
      Files.createDirectories(Path.of(keep));
      Files.copy(shot, Path.of(keep, "presenter.png"), StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.size(shot)).isGreaterThan(10_000);
    BufferedImage image = ImageIO.read(shot.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(800);
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 8) {
      for (int y = 0; y < image.getHeight(); y += 8) {
        colours.add(image.getRGB(x, y));
      }
    }
    assertThat(colours).as("a rendered board, not a blank page").hasSizeGreaterThan(20);
  }

  @Test
  void givenThePage_thenTheScriptRendersTheRankedQuestionsWithTalliesAndUserTextAsText()
      throws Exception {
    String dom = chromium("--dump-dom", "--virtual-time-budget=5000", url);

    int first = dom.indexOf("data-id=\"" + ids.get(0) + "\"");
    int second = dom.indexOf("data-id=\"" + ids.get(1) + "\"");
    int third = dom.indexOf("data-id=\"" + ids.get(2) + "\"");
    assertThat(first).as("the top question is rendered").isPositive();
    assertThat(first).isLessThan(second);
    assertThat(second).isLessThan(third);
    assertThat(dom)
        .contains("When do we get the new laptops?")
        .contains(">5 ▲<")
        .contains(">3 ▲<")
        .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt; Why is the VPN slow?")
        .contains("&lt;img src=x onerror=\"document.title='pwned'\"&gt; What about parking?")
        .contains("<title>Candor · Session 1</title>")
        .doesNotContain("<img src=\"x\"")
        .doesNotContain("<title>pwned");
  }

  @Test
  void givenVotesWhileThePageIsOpen_thenItUpdatesWithoutReload() throws Exception {
    afterFirstPoll = () -> t.voteEach(ids.get(2), 10, 15); // 1 + 6 = 7 votes: now on top

    String dom = chromium("--dump-dom", "--virtual-time-budget=7000", url);

    assertThat(polls.get()).as("board.json polled more than once").isGreaterThan(1);
    assertThat(dom.indexOf("data-id=\"" + ids.get(2) + "\""))
        .isPositive()
        .isLessThan(dom.indexOf("data-id=\"" + ids.get(0) + "\""));
    assertThat(dom).contains(">7 ▲<");
  }

  private QuestionId ask(int who, ListeningSession s, String text) {
    return t.candor().questions().ask(participant(who), s.id(), text).id();
  }

  /** Runs headless Chromium with the flags CI uses and returns what it printed. */
  private String chromium(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile"),
                "--window-size=1280,800"));
    command.addAll(List.of(args));
    Path out = temp.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = temp.resolve("chromium-" + System.nanoTime() + ".err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("chromium did not finish in " + TIMEOUT_SECONDS + " s");
    }
    String printed = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue())
        .as("chromium exit status; stderr: %s", Files.readString(err, StandardCharsets.UTF_8))
        .isZero();
    return printed;
  }
}
