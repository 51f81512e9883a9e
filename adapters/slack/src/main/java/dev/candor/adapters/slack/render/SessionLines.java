package dev.candor.adapters.slack.render;

import dev.candor.core.session.SessionView;
import java.time.format.DateTimeFormatter;

/** How a session is named and dated in every Slack surface. */
public final class SessionLines {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

  private SessionLines() {}

  /** {@code *Budget Q&A* (s12)}, escaped. */
  public static String name(SessionView s) {
    return "*" + SlackText.escape(s.title(), 500) + "* (" + s.id() + ")";
  }

  /** When it runs, in each reader's time zone: "Mon, Mar 2nd at 10:00 – 11:00". */
  public static String when(SessionView s) {
    String end = HOUR.format(s.endsAt().atZone(s.zone())) + " " + s.zone().getId();
    return SlackText.date(s.startsAt(), s.zone())
        + " – <!date^"
        + s.endsAt().getEpochSecond()
        + "^{time}|"
        + SlackText.escape(end)
        + ">";
  }

  /** The name, state and time on one line. */
  public static String line(SessionView s) {
    return name(s) + " · " + s.state().label() + " · " + when(s);
  }
}
