package dev.candor.adapters.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads who and where from an incoming activity, the way the core wants them. */
final class TeamsActivities {
  /**
   * The place commands typed in a 1:1 chat run in. A personal conversation's id names a person, so
   * it never becomes a {@link ChannelRef}: such commands act on Candor as a whole.
   */
  static final ChannelRef PERSONAL_CHAT = new ChannelRef(Platform.TEAMS, "personal-chat");

  private TeamsActivities() {}

  /** Whether the activity comes from a 1:1 chat with the bot (or from no conversation at all). */
  static boolean isPersonal(Activity a) {
    ConversationAccount c = a.getConversation();
    if (c == null || c.getId() == null) {
      return true;
    }
    String type = c.getConversationType();
    return type == null ? !c.isGroup() : type.equalsIgnoreCase("personal");
  }

  /** The channel or group chat, without a thread's {@code ;messageid=} suffix. */
  static ChannelRef channel(Activity a) {
    if (isPersonal(a)) {
      return PERSONAL_CHAT;
    }
    return new ChannelRef(Platform.TEAMS, baseConversationId(a.getConversation().getId()));
  }

  static String baseConversationId(String conversationId) {
    int semicolon = conversationId.indexOf(';');
    return semicolon < 0 ? conversationId : conversationId.substring(0, semicolon);
  }

  /** The Microsoft Entra tenant, or {@code "-"} outside a tenant (the emulator). */
  static String tenantId(Activity a) {
    ConversationAccount c = a.getConversation();
    if (c != null && notBlank(c.getTenantId())) {
      return c.getTenantId();
    }
    TeamsChannelData data = a.teamsGetChannelData();
    if (data != null && data.getTenant() != null && notBlank(data.getTenant().getId())) {
      return data.getTenant().getId();
    }
    return "-";
  }

  /**
   * The person acting: their Entra object id, stable across chats and what the people picker gives
   * for moderators, else the Teams user id. Only ever handed to the core, never kept here.
   */
  static Actor actor(Activity a) {
    ChannelAccount from = a.getFrom();
    if (from == null || (!notBlank(from.getAadObjectId()) && !notBlank(from.getId()))) {
      throw new IllegalArgumentException("activity has no sender");
    }
    String user = notBlank(from.getAadObjectId()) ? from.getAadObjectId() : from.getId();
    return new Actor(Platform.TEAMS, tenantId(a), user);
  }

  /**
   * What makes an activity unusable before anything reads it, as a one-line answer: Teams always
   * sends a conversation with an id (a channel's is never blank) and, for messages and invokes, a
   * sender.
   */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9:;@._|=+\\-/!~*#,%]{1,512}");

  static Optional<String> problem(Activity a) {
    ConversationAccount c = a.getConversation();
    if (c == null || !notBlank(c.getId()) || !notBlank(baseConversationId(c.getId()))) {
      return Optional.of("the activity has no conversation.id");
    }
    // Teams' ids (19:…@thread.tacv2;messageid=…, a:…, 1700000000000, the Emulator's …|livechat)
    // are plain ASCII; replies put them into the Bot Connector's URLs.
    if (!ID.matcher(c.getId()).matches()) {
      return Optional.of("the activity's conversation.id is not a Teams conversation id");
    }
    if (a.getId() != null && !ID.matcher(a.getId()).matches()) {
      return Optional.of("the activity's id is not a Teams activity id");
    }
    boolean fromSomeone = "message".equals(a.getType()) || "invoke".equals(a.getType());
    ChannelAccount from = a.getFrom();
    if (fromSomeone
        && (from == null || (!notBlank(from.getAadObjectId()) && !notBlank(from.getId())))) {
      return Optional.of("the activity has no from.id");
    }
    if ("invoke".equals(a.getType()) && !notBlank(a.getName())) {
      return Optional.of("the invoke has no name");
    }
    if (a.getServiceUrl() != null && !isServiceUrl(a.getServiceUrl())) {
      return Optional.of("the activity's serviceUrl is not an http(s) URL");
    }
    if (a.getEntities() != null
        && a.getEntities().stream().anyMatch(e -> e == null || !notBlank(e.getType()))) {
      return Optional.of("an entity of the activity has no type");
    }
    if (a.getLocale() != null && !isLanguageTag(a.getLocale())) {
      return Optional.of("the activity's locale is not a language tag such as en-US");
    }
    return Optional.empty();
  }

  private static boolean isServiceUrl(String url) {
    try {
      URI uri = new URI(url);
      return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** The SDK builds a {@link Locale} from it, and throws on anything else. */
  private static boolean isLanguageTag(String locale) {
    try {
      new Locale.Builder().setLanguageTag(locale);
      return true;
    } catch (IllformedLocaleException e) {
      return false;
    }
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
