package dev.candor.adapters.slack.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.slack.api.util.json.GsonFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON snapshot files of rendered Block Kit, under {@code
 * src/test/resources/dev/candor/adapters/slack/render/}. The JSON is what the Slack SDK sends (its
 * own snake-case Gson), pretty-printed. Run with {@code -Dsnapshots.update=true} to rewrite the
 * files after an intended change, then review the diff.
 */
final class Snapshots {
  private static final String DIR = "dev/candor/adapters/slack/render/";
  private static final Gson SLACK = GsonFactory.createSnakeCase();
  private static final Gson PRETTY =
      new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private Snapshots() {}

  /** The value as Slack receives it, pretty-printed. */
  static String json(Object value) {
    JsonElement tree = SLACK.toJsonTree(value);
    return PRETTY.toJson(tree) + "\n";
  }

  static void assertMatches(String name, Object value) {
    String actual = json(value);
    if (Boolean.getBoolean("snapshots.update")) {
      write(name, actual);
      return;
    }
    try (InputStream in = Snapshots.class.getClassLoader().getResourceAsStream(DIR + name)) {
      assertThat(in)
          .as("snapshot %s exists (create it with -Dsnapshots.update=true)", name)
          .isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(actual).as("snapshot %s", name).isEqualTo(expected);
    } catch (IOException e) {
      throw new AssertionError("cannot read snapshot " + name, e);
    }
  }

  private static void write(String name, String json) {
    try {
      Path file = Path.of("src/test/resources", DIR, name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot write snapshot " + name, e);
    }
  }
}
