package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON snapshot files under {@code src/test/resources/dev/candor/adapters/teams/}. A rendered card
 * must equal its file; run with {@code -Dsnapshots.update=true} to rewrite the files after an
 * intended change, then review the diff.
 */
final class Snapshots {
  /** Non-ASCII is escaped, so the invisible word joiners of {@link CardText} show in the files. */
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .build();

  private static final Path DIR = Path.of("src/test/resources/dev/candor/adapters/teams");

  private Snapshots() {}

  static void assertMatches(String file, JsonNode actual) {
    String rendered = pretty(actual);
    if (Boolean.getBoolean("snapshots.update")) {
      try {
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve(file), rendered, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    try (InputStream in = Snapshots.class.getResourceAsStream(file)) {
      assertThat(in)
          .as("snapshot %s exists (create it with -Dsnapshots.update=true)", file)
          .isNotNull();
      String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(rendered).as("card matches snapshot %s", file).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
