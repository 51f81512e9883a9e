package dev.candor.core;

import dev.candor.core.identity.Organizers;
import dev.candor.core.session.SessionSettings;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Everything the core needs to know from configuration. The launcher builds it from {@code
 * candor.yml} and the environment; tests build it directly.
 *
 * @param sessionDefaults the rules a new session gets unless its command says otherwise
 * @param defaultDuration how long a session runs when {@code schedule} names no duration
 * @param intakeClosingLead how long before the end the "intake closes soon" reminder goes out
 * @param boardRefreshInterval the live board is edited at most once per interval
 * @param releaseTick how often the release of pending batches is checked
 * @param archiveAfter how long after closing a session is archived and its key shredded
 * @param boardSize how many questions a board shows
 */
public record CandorSettings(
    Organizers organizers,
    SessionSettings sessionDefaults,
    ZoneId defaultZone,
    Duration defaultDuration,
    Duration intakeClosingLead,
    Duration boardRefreshInterval,
    Duration releaseTick,
    Duration archiveAfter,
    int boardSize) {

  public CandorSettings {
    Checks.notNull(organizers, "organizers");
    Checks.notNull(sessionDefaults, "sessionDefaults");
    Checks.notNull(defaultZone, "defaultZone");
    Checks.check(defaultDuration.toMinutes() >= 1, "defaultDuration must be at least a minute");
    Checks.check(!intakeClosingLead.isNegative(), "intakeClosingLead may not be negative");
    Checks.check(!boardRefreshInterval.isNegative(), "boardRefreshInterval may not be negative");
    Checks.check(releaseTick.toMillis() >= 100, "releaseTick must be at least 100 ms");
    Checks.check(!archiveAfter.isNegative(), "archiveAfter may not be negative");
    Checks.check(boardSize >= 1, "boardSize must be at least 1");
  }

  /** The documented defaults, with nobody as organizer. */
  public static CandorSettings defaults() {
    return new CandorSettings(
        Organizers.parse(""),
        SessionSettings.defaults(),
        ZoneId.of("UTC"),
        Duration.ofMinutes(60),
        Duration.ofMinutes(15),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5),
        Duration.ofDays(7),
        10);
  }

  public CandorSettings withOrganizers(Organizers o) {
    return new CandorSettings(
        o,
        sessionDefaults,
        defaultZone,
        defaultDuration,
        intakeClosingLead,
        boardRefreshInterval,
        releaseTick,
        archiveAfter,
        boardSize);
  }

  public CandorSettings withSessionDefaults(SessionSettings s) {
    return new CandorSettings(
        organizers,
        s,
        defaultZone,
        defaultDuration,
        intakeClosingLead,
        boardRefreshInterval,
        releaseTick,
        archiveAfter,
        boardSize);
  }

  public CandorSettings withTiming(
      Duration intakeClosingLead, Duration boardRefreshInterval, Duration releaseTick) {
    return new CandorSettings(
        organizers,
        sessionDefaults,
        defaultZone,
        defaultDuration,
        intakeClosingLead,
        boardRefreshInterval,
        releaseTick,
        archiveAfter,
        boardSize);
  }

  public CandorSettings withArchiveAfter(Duration d) {
    return new CandorSettings(
        organizers,
        sessionDefaults,
        defaultZone,
        defaultDuration,
        intakeClosingLead,
        boardRefreshInterval,
        releaseTick,
        d,
        boardSize);
  }

  public CandorSettings withDefaultZone(ZoneId zone) {
    return new CandorSettings(
        organizers,
        sessionDefaults,
        zone,
        defaultDuration,
        intakeClosingLead,
        boardRefreshInterval,
        releaseTick,
        archiveAfter,
        boardSize);
  }
}
