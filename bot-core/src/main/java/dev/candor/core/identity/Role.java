package dev.candor.core.identity;

/** What a person may do in a session. Organizers and moderators are not anonymous. */
public enum Role {
  /** Schedules, cancels and archives sessions; may also moderate any session. */
  ORGANIZER,
  /** Named per session: moderates its questions and receives its summary. */
  MODERATOR,
  /** Everyone else: asks, votes, withdraws their own questions. */
  PARTICIPANT
}
