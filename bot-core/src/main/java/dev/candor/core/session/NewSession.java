package dev.candor.core.session;

import dev.candor.core.CandorException;
import dev.candor.core.Checks;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.QuestionText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A request to schedule a session, checked on construction. */
public record NewSession(
    String title,
    Instant startsAt,
    Instant endsAt,
    ZoneId zone,
    List<ChannelRef> audience,
    List<UserRef> moderators,
    SessionSettings settings) {

  public static final int MAX_TITLE = 200;

  /** The longest channel or user id stored (the width of the database columns). */
  public static final int MAX_ID = 512;

  public NewSession {
    Checks.notNull(startsAt, "startsAt");
    Checks.notNull(endsAt, "endsAt");
    Checks.notNull(zone, "zone");
    Checks.notNull(settings, "settings");
    title = QuestionText.sanitize(title == null ? "" : title);
    if (title.isEmpty()) {
      throw CandorException.invalid(
          "A session needs a title. Try: schedule \"Budget Q&A\" tomorrow 15:00 for 45m");
    }
    if (title.length() > MAX_TITLE) {
      throw CandorException.invalid(
          "A session title may have at most " + MAX_TITLE + " characters; shorten it.");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw CandorException.invalid("A session must end after it starts. Try: for 45m");
    }
    if (audience == null || audience.isEmpty()) {
      throw CandorException.invalid(
          "A session needs at least one channel. Schedule it from a channel, or add: channels"
              + " slack:C0123");
    }
    for (ChannelRef c : audience) {
      if (c.channelId().length() > MAX_ID) {
        throw CandorException.invalid(
            "A channel id may have at most " + MAX_ID + " characters. Write platform:channel.");
      }
    }
    for (UserRef u : moderators) {
      if (u.userId().length() > MAX_ID) {
        throw CandorException.invalid(
            "A user id may have at most " + MAX_ID + " characters. Write platform:user.");
      }
    }
    audience = List.copyOf(audience.stream().distinct().toList());
    moderators = List.copyOf(moderators.stream().distinct().toList());
  }
}
