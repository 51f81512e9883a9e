package dev.candor.adapters.slack.render;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects blocks up to Slack's limit for a surface, keeping room for a closing note. Long mrkdwn
 * is split into sections of at most {@link SlackText#SECTION_MAX} characters, at line breaks where
 * possible.
 */
public final class BlockList {
  private final int max;
  private final List<LayoutBlock> blocks = new ArrayList<>();
  private boolean truncated;

  private BlockList(int max) {
    this.max = max;
  }

  /** Up to 50 blocks, for a message. */
  public static BlockList forMessage() {
    return new BlockList(SlackText.MESSAGE_BLOCKS_MAX);
  }

  /** Up to 100 blocks, for a modal or the App Home. */
  public static BlockList forView() {
    return new BlockList(SlackText.VIEW_BLOCKS_MAX);
  }

  /** Whether {@code n} more blocks fit while {@code reserve} stay free for what must follow. */
  public boolean fits(int n, int reserve) {
    return blocks.size() + n + reserve <= max;
  }

  /** Adds the blocks if they fit (keeping {@code reserve} free); remembers a refusal. */
  public boolean add(int reserve, LayoutBlock... more) {
    if (!fits(more.length, reserve)) {
      truncated = true;
      return false;
    }
    blocks.addAll(List.of(more));
    return true;
  }

  /** Adds the blocks, which must fit: for the fixed frame of a surface. */
  public BlockList add(LayoutBlock... more) {
    if (!fits(more.length, 0)) {
      throw new IllegalStateException("a surface's frame exceeds " + max + " blocks");
    }
    blocks.addAll(List.of(more));
    return this;
  }

  /** Adds escaped mrkdwn as one or more sections, stopping (and noting it) at the limit. */
  public BlockList mrkdwn(String mrkdwn, int reserve) {
    for (String part : split(mrkdwn, SlackText.SECTION_MAX)) {
      if (!add(reserve + 1, section(s -> s.text(markdownText(part))))) {
        break;
      }
    }
    return this;
  }

  /** A closing context note, e.g. where to see the rest; always fits when reserved. */
  public BlockList note(String mrkdwn) {
    if (fits(1, 0)) {
      blocks.add(context(List.of(markdownText(SlackText.truncateMrkdwn(mrkdwn, 3000)))));
    }
    return this;
  }

  /** Whether something was left out for lack of room. */
  public boolean truncated() {
    return truncated;
  }

  public int size() {
    return blocks.size();
  }

  public List<LayoutBlock> blocks() {
    return List.copyOf(blocks);
  }

  /** Splits text into parts of at most {@code max} characters, preferring line breaks. */
  static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut < max / 2) {
        cut = rest.lastIndexOf(' ', max);
      }
      if (cut < max / 2) {
        cut = max;
        int amp = rest.lastIndexOf('&', cut - 1);
        if (amp > cut - 5 && rest.indexOf(';', amp) >= cut) {
          cut = amp;
        }
      }
      parts.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isBlank()) {
      parts.add(rest);
    }
    return parts;
  }
}
