package dev.candor.adapters.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.candor.adapters.slack.render.NoticeRenderer;
import dev.candor.adapters.slack.render.SlackMessage;
import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.delivery.Messenger;
import dev.candor.core.delivery.Notice;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Candor's outbound port on Slack: posts reminders and boards with {@code chat.postMessage}, edits
 * the board in place with {@code chat.update} (the message reference is the message's {@code ts}),
 * and sends summaries to moderators by direct message ({@code conversations.open}, then {@code
 * chat.postMessage}). Posts to one channel are paced; failures become {@link DeliveryException}s
 * the outbox retries or reports.
 */
public final class SlackMessenger implements Messenger {
  private final MethodsClient client;
  private final ChannelPace pace;

  /** Moderators' direct-message channels; moderators are named, not anonymous. */
  private final Map<String, String> directChannels = new ConcurrentHashMap<>();

  SlackMessenger(MethodsClient client, ChannelPace pace) {
    this.client = client;
    this.pace = pace;
  }

  @Override
  public Platform platform() {
    return Platform.SLACK;
  }

  @Override
  public String post(ChannelRef channel, Notice notice) throws DeliveryException {
    return postTo(slackChannel(channel), NoticeRenderer.render(notice));
  }

  @Override
  public void update(ChannelRef channel, String messageRef, Notice notice)
      throws DeliveryException {
    SlackMessage m = NoticeRenderer.render(notice);
    String id = slackChannel(channel);
    SlackFailures.call(
        "chat.update",
        () ->
            client.chatUpdate(r -> r.channel(id).ts(messageRef).text(m.text()).blocks(m.blocks())));
  }

  @Override
  public void direct(UserRef user, Notice notice) throws DeliveryException {
    if (user.platform() != Platform.SLACK) {
      throw DeliveryException.permanent("not a Slack user: " + user.platform().id());
    }
    postTo(directChannel(user.userId()), NoticeRenderer.render(notice));
  }

  /** Opens (or reuses) the direct-message channel with a named user. */
  String directChannel(String userId) throws DeliveryException {
    String known = directChannels.get(userId);
    if (known != null) {
      return known;
    }
    String opened =
        SlackFailures.call(
                "conversations.open",
                () -> client.conversationsOpen(r -> r.users(java.util.List.of(userId))))
            .getChannel()
            .getId();
    directChannels.put(userId, opened);
    return opened;
  }

  private String postTo(String channelId, SlackMessage m) throws DeliveryException {
    pace.await(channelId);
    ChatPostMessageResponse posted =
        SlackFailures.call(
            "chat.postMessage",
            () ->
                client.chatPostMessage(
                    r ->
                        r.channel(channelId)
                            .text(m.text())
                            .blocks(m.blocks())
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
    return posted.getTs();
  }

  private static String slackChannel(ChannelRef channel) throws DeliveryException {
    if (channel.platform() != Platform.SLACK) {
      throw DeliveryException.permanent("not a Slack channel: " + channel.platform().id());
    }
    return channel.channelId();
  }
}
