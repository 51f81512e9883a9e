package dev.candor.adapters.teams;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;

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

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
