package dev.candor.adapters.teams;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.ConversationReference;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.store.Storage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Candor keeps to reach Teams later without being asked: a conversation reference per channel
 * or group chat, and the service URL (with the bot's own id) per tenant. Never a 1:1 chat's
 * reference, and never the person who happened to send the activity: a reference is stripped of its
 * {@code user} and of the message it was taken from.
 */
final class TeamsConversations {
  /** The latest tenant seen, for deployments that serve one tenant without naming it. */
  static final String ANY_TENANT = "tenant:*";

  private final Storage storage;
  private final ObjectMapper json =
      JsonMapper.builder()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .defaultPropertyInclusion(JsonInclude.Value.construct(Include.NON_NULL, Include.NON_NULL))
          .build();

  /** The {@code conversations} table's column sizes. */
  static final int MAX_ADDRESS = 512;

  static final int MAX_REFERENCE = 8000;

  private static final Logger log = LoggerFactory.getLogger(TeamsConversations.class);
  private final Map<String, String> saved = new ConcurrentHashMap<>();

  TeamsConversations(Storage storage) {
    this.storage = storage;
  }

  /** How to reach one tenant: its Bot Connector service URL and the bot's id there. */
  record Tenant(String tenantId, String serviceUrl, String botId) {}

  /**
   * Remembers the tenant of any activity, and the conversation if it is a channel or group chat.
   */
  void remember(Activity activity) {
    if (!TeamsActivities.notBlank(activity.getServiceUrl())) {
      return;
    }
    String tenantId = TeamsActivities.tenantId(activity);
    String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
    String tenant = write(new Tenant(tenantId, activity.getServiceUrl(), botId));
    save("tenant:" + tenantId, tenant);
    save(ANY_TENANT, tenant);
    if (!TeamsActivities.isPersonal(activity)) {
      ChannelRef channel = TeamsActivities.channel(activity);
      save(channel.channelId(), write(reference(activity, channel.channelId())));
    }
  }

  Optional<ConversationReference> channel(ChannelRef channel) {
    return find(channel.channelId()).map(s -> read(s, ConversationReference.class));
  }

  Optional<Tenant> tenant(String tenantId) {
    return find("tenant:" + tenantId).map(s -> read(s, Tenant.class));
  }

  Optional<Tenant> anyTenant() {
    return find(ANY_TENANT).map(s -> read(s, Tenant.class));
  }

  private static ConversationReference reference(Activity activity, String conversationId) {
    ConversationAccount from = activity.getConversation();
    ConversationAccount conversation = new ConversationAccount();
    conversation.setId(conversationId);
    conversation.setTenantId(TeamsActivities.tenantId(activity));
    conversation.setConversationType(from.getConversationType());
    conversation.setIsGroup(true);
    ConversationReference ref = new ConversationReference();
    ref.setChannelId(activity.getChannelId());
    ref.setServiceUrl(activity.getServiceUrl());
    ref.setConversation(conversation);
    ChannelAccount bot = activity.getRecipient();
    if (bot != null) {
      ref.setBot(new ChannelAccount(bot.getId(), bot.getName()));
    }
    return ref;
  }

  private void save(String address, String reference) {
    if (address.length() > MAX_ADDRESS || reference.length() > MAX_REFERENCE) {
      // Teams' ids are GUIDs and thread ids of a few dozen characters; these are not from Teams.
      log.info("did not remember a Teams conversation with ids longer than Teams uses");
      return;
    }
    if (reference.equals(saved.get(address))) {
      return;
    }
    storage.run(tx -> tx.conversations().save(Platform.TEAMS, address, reference));
    saved.put(address, reference);
  }

  private Optional<String> find(String address) {
    return storage.inTransaction(tx -> tx.conversations().find(Platform.TEAMS, address));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a conversation reference could not be written", e);
    }
  }

  private <T> T read(String value, Class<T> type) {
    try {
      return json.readValue(value, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored conversation reference is unreadable", e);
    }
  }
}
