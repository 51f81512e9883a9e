package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** config/teams: the manifest's bot and command lists, and the icons Teams requires. */
class TeamsAppPackageTest {
  private static final Path CONFIG = Path.of("../../config/teams");

  @Test
  void givenTheManifest_thenTheBotHasTheCommandListsForTeamsAndPersonalChats() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(CONFIG.resolve("manifest.json").toFile());

    JsonNode bot = manifest.path("bots").get(0);
    assertThat(bot.path("botId").asText()).isEqualTo("${teams.appId}");
    assertThat(manifest.path("id").asText()).isEqualTo("${teams.appId}");
    assertThat(bot.path("scopes"))
        .extracting(JsonNode::asText)
        .contains("personal", "team", "groupChat");
    JsonNode lists = bot.path("commandLists");
    assertThat(lists).hasSize(2);
    for (JsonNode list : lists) {
      List<String> titles = new ArrayList<>();
      list.path("commands").forEach(c -> titles.add(c.path("title").asText()));
      assertThat(titles).containsExactly("help", "ask", "questions", "vote", "sessions", "summary");
      list.path("commands")
          .forEach(c -> assertThat(c.path("description").asText().length()).isBetween(1, 128));
    }
    assertThat(manifest.path("icons").path("color").asText()).isEqualTo("color.png");
    assertThat(manifest.path("icons").path("outline").asText()).isEqualTo("outline.png");
  }

  @Test
  void givenTheIcons_thenColourIs192SquareAndOutlineIs32SquareWhiteOnTransparent()
      throws IOException {
    BufferedImage color = ImageIO.read(CONFIG.resolve("color.png").toFile());
    BufferedImage outline = ImageIO.read(CONFIG.resolve("outline.png").toFile());

    assertThat(color.getWidth()).isEqualTo(192);
    assertThat(color.getHeight()).isEqualTo(192);
    assertThat(outline.getWidth()).isEqualTo(32);
    assertThat(outline.getHeight()).isEqualTo(32);
    boolean transparent = false;
    for (int x = 0; x < 32; x++) {
      for (int y = 0; y < 32; y++) {
        int argb = outline.getRGB(x, y);
        int alpha = argb >>> 24;
        if (alpha == 0) {
          transparent = true;
        } else {
          assertThat(argb & 0xFFFFFF).as("pixel %d,%d is white", x, y).isEqualTo(0xFFFFFF);
        }
      }
    }
    assertThat(transparent).as("the outline has a transparent background").isTrue();
  }
}
