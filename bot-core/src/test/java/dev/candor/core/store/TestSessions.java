package dev.candor.core.store;

import dev.candor.core.identity.Platform;
import dev.candor.core.identity.UserRef;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.SessionSettings;
import dev.candor.core.session.SessionState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Test-data builder for sessions: {@code defaultSession().withK(3).build()}. */
public final class TestSessions {
  public static final Instant START = Instant.parse("2030-03-14T19:00:00Z");
  public static final ChannelRef GENERAL = new ChannelRef(Platform.SLACK, "C0GENERAL");
  public static final UserRef ORGANIZER = new UserRef(Platform.SLACK, "U0ORGANIZER");
  public static final UserRef MODERATOR = new UserRef(Platform.SLACK, "U0MODERATOR");

  private TestSessions() {}

  /** A scheduled, unsaved session (no id) with the default settings, starting at {@link #START}. */
  public static Builder defaultSession() {
    return new Builder();
  }

  /** Builds a {@link ListeningSession}; every {@code with} method returns this builder. */
  public static final class Builder {
    private String title = "Return-to-office policy";
    private SessionState state = SessionState.SCHEDULED;
    private Instant startsAt = START;
    private Instant endsAt = START.plus(Duration.ofHours(1));
    private ZoneId zone = ZoneId.of("America/New_York");
    private List<ChannelRef> audience = List.of(GENERAL);
    private List<UserRef> moderators = List.of(MODERATOR);
    private UserRef createdBy = ORGANIZER;
    private SessionSettings settings = SessionSettings.defaults();
    private Instant lastReleaseAt;

    private Builder() {}

    public Builder withTitle(String title) {
      this.title = title;
      return this;
    }

    public Builder withState(SessionState state) {
      this.state = state;
      return this;
    }

    /** Starts at {@code start} and lasts an hour. */
    public Builder startingAt(Instant start) {
      this.startsAt = start;
      this.endsAt = start == null ? null : start.plus(Duration.ofHours(1));
      return this;
    }

    public Builder withZone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder withAudience(ChannelRef... channels) {
      this.audience = List.of(channels);
      return this;
    }

    public Builder withModerators(UserRef... users) {
      this.moderators = List.of(users);
      return this;
    }

    public Builder createdBy(UserRef organizer) {
      this.createdBy = organizer;
      return this;
    }

    public Builder withSettings(SessionSettings settings) {
      this.settings = settings;
      return this;
    }

    public Builder withK(int k) {
      this.settings = settings.withMinAskers(k);
      return this;
    }

    public Builder withLastRelease(Instant at) {
      this.lastReleaseAt = at;
      return this;
    }

    public ListeningSession build() {
      return new ListeningSession(
          null,
          title,
          state,
          startsAt,
          endsAt,
          zone,
          audience,
          moderators,
          createdBy,
          settings,
          lastReleaseAt);
    }
  }
}
