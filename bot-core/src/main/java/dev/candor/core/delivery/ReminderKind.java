package dev.candor.core.delivery;

/** The reminders a session sends to its channels. */
public enum ReminderKind {
  /** "Starts in 1 hour": sent at each configured offset before the start. */
  BEFORE_START,
  /** "Intake closes in 15 minutes." */
  INTAKE_CLOSING,
  /** "Live now", with the current top questions. */
  LIVE_NOW,
  /** "Closed; the summary went to the moderators." */
  CLOSED
}
