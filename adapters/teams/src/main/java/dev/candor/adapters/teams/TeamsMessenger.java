package dev.candor.adapters.teams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationReference;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import dev.candor.core.Candor;
import dev.candor.core.delivery.DeliveryException;
import dev.candor.core.delivery.Messenger;
import dev.candor.core.delivery.Notice;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candor's outbound port to Teams, called by the outbox worker: posts to channels through their
 * stored conversation references, edits the live board in place, and opens a 1:1 chat with a
 * moderator for the summary. The connector client does not retry by itself: the outbox does, with
 * backoff and the connector's {@code Retry-After}; a small pace keeps each conversation under
 * Teams' limits.
 */
public final class TeamsMessenger implements Messenger {
  private static final Logger log = LoggerFactory.getLogger(TeamsMessenger.class);

  /** The outbox retries; a connector that retried too would hold the worker for tens of seconds. */
  private static final RetryStrategy NO_RETRY =
      new RetryStrategy("candor-outbox-retries", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
          return false;
        }
      };

  private final TeamsConversations conversations;
  private final TeamsSettings settings;
  private final AppCredentials credentials;
  private final ConversationPace pace;
  private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();

  public TeamsMessenger(Candor candor, TeamsAdapter adapter) {
    this(
        new TeamsConversations(candor.storage()),
        adapter.settings(),
        adapter.outboundCredentials(),
        ConversationPace.real());
  }

  TeamsMessenger(
      TeamsConversations conversations,
      TeamsSettings settings,
      AppCredentials credentials,
      ConversationPace pace) {
    this.conversations = conversations;
    this.settings = settings;
    this.credentials = credentials;
    this.pace = pace;
  }

  @Override
  public Platform platform() {
    return Platform.TEAMS;
  }

  @Override
  public String post(ChannelRef channel, Notice notice) throws DeliveryException {
    ConversationReference ref = reference(channel);
    String conversation = ref.getConversation().getId();
    pace.await(conversation);
    Activity activity = activity(notice, ref);
    ResourceResponse sent =
        call(
            "sendToConversation",
            () ->
                client(ref.getServiceUrl())
                    .getConversations()
                    .sendToConversation(conversation, activity));
    if (sent == null || !TeamsActivities.notBlank(sent.getId())) {
      throw DeliveryException.temporary("sendToConversation: no message id in the answer", null);
    }
    log.debug("posted a {} to a Teams channel", kind(notice));
    return sent.getId();
  }

  @Override
  public void update(ChannelRef channel, String messageRef, Notice notice)
      throws DeliveryException {
    ConversationReference ref = reference(channel);
    String conversation = ref.getConversation().getId();
    pace.await(conversation);
    Activity activity = activity(notice, ref);
    activity.setId(messageRef);
    call(
        "updateActivity",
        () ->
            client(ref.getServiceUrl())
                .getConversations()
                .updateActivity(conversation, messageRef, activity));
    log.debug("edited a {} in a Teams channel", kind(notice));
  }

  /**
   * Opens (or reopens: Teams answers with the same chat) a 1:1 chat with a named moderator or
   * organizer and sends the notice there. Only the tenant's service URL is stored for this, never a
   * chat's reference.
   */
  @Override
  public void direct(UserRef user, Notice notice) throws DeliveryException {
    TeamsConversations.Tenant tenant = tenant();
    ConversationParameters parameters = new ConversationParameters();
    parameters.setIsGroup(false);
    parameters.setBot(new ChannelAccount(botId(tenant)));
    parameters.setMembers(List.of(new ChannelAccount(user.userId())));
    parameters.setTenantId(tenant.tenantId());
    ObjectNode channelData = JsonNodeFactory.instance.objectNode();
    channelData.putObject("tenant").put("id", tenant.tenantId());
    parameters.setChannelData(channelData);
    ConnectorClient client = client(tenant.serviceUrl());
    ConversationResourceResponse chat =
        call("createConversation", () -> client.getConversations().createConversation(parameters));
    if (chat == null || !TeamsActivities.notBlank(chat.getId())) {
      throw DeliveryException.temporary(
          "createConversation: no conversation id in the answer", null);
    }
    pace.await(chat.getId());
    Activity activity =
        Cards.message(TeamsNoticeRenderer.render(notice), TeamsNoticeRenderer.summaryLine(notice));
    call(
        "sendToConversation",
        () -> client.getConversations().sendToConversation(chat.getId(), activity));
    log.debug("sent a {} to a moderator's 1:1 chat", kind(notice));
  }

  private static String kind(Notice notice) {
    return notice.getClass().getSimpleName();
  }

  private ConversationReference reference(ChannelRef channel) throws DeliveryException {
    Optional<ConversationReference> ref = conversations.channel(channel);
    if (ref.isEmpty() || ref.get().getConversation() == null) {
      throw DeliveryException.permanent(
          "Candor has not been added to Teams channel "
              + channel.channelId()
              + " yet; add the app to the team, or mention @Candor there once");
    }
    return ref.get();
  }

  private TeamsConversations.Tenant tenant() throws DeliveryException {
    Optional<TeamsConversations.Tenant> tenant =
        settings.tenantId().flatMap(conversations::tenant).or(conversations::anyTenant);
    if (tenant.isEmpty()) {
      throw DeliveryException.permanent(
          "no Teams tenant has reached Candor yet, so there is no service URL to write to");
    }
    return tenant.get();
  }

  private String botId(TeamsConversations.Tenant tenant) {
    if (TeamsActivities.notBlank(tenant.botId())) {
      return tenant.botId();
    }
    return "28:" + settings.appId().orElse("");
  }

  private static Activity activity(Notice notice, ConversationReference ref) {
    Activity activity =
        Cards.message(TeamsNoticeRenderer.render(notice), TeamsNoticeRenderer.summaryLine(notice));
    activity.setConversation(ref.getConversation());
    activity.setFrom(ref.getBot());
    activity.setChannelId(ref.getChannelId());
    return activity;
  }

  private ConnectorClient client(String serviceUrl) {
    return clients.computeIfAbsent(
        serviceUrl,
        url ->
            new RestConnectorClient(
                RestConnectorClient.getDefaultRestClientBuilder(url, credentials)
                    .withRetryStrategy(NO_RETRY)
                    .withConnectionTimeout(10, TimeUnit.SECONDS)
                    .withReadTimeout(30, TimeUnit.SECONDS)
                    .build()));
  }

  private interface Call<T> {
    java.util.concurrent.CompletableFuture<T> start();
  }

  private static <T> T call(String operation, Call<T> call) throws DeliveryException {
    try {
      return call.start().get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw DeliveryException.temporary(operation + ": interrupted", null);
    } catch (Exception e) {
      throw ConnectorFailures.of(operation, e);
    }
  }
}
