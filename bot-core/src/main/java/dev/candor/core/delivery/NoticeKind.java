package dev.candor.core.delivery;

/** The kinds of outbox rows; the row's payload holds only ids and numbers for each. */
public enum NoticeKind {
  REMINDER,
  BOARD,
  SUMMARY,
  ANSWERED,
  MODERATOR_ALERT
}
