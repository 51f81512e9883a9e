package dev.candor.adapters.slack.render;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A rendered message: Block Kit blocks, and the escaped fallback text Slack shows in notifications
 * and to clients that cannot draw blocks.
 */
public record SlackMessage(String text, List<LayoutBlock> blocks) {
  public SlackMessage {
    text = SlackText.truncateMrkdwn(text, SlackText.SECTION_MAX);
    blocks = List.copyOf(blocks);
  }
}
