package dev.candor.core.command;

/** The help text: every command, and a plain statement of who can see what. */
public final class HelpText {
  private HelpText() {}

  /** What Candor keeps and what the platform itself can still see, said plainly. */
  public static final String WHO_SEES_WHAT =
      "Who can see what: Candor stores your questions and votes under a pseudonym that changes"
          + " with every session, never your name or id, and shreds even that when the session is"
          + " archived. Questions appear only once enough people have asked, in shuffled batches,"
          + " so neither moderators nor leadership can tell who asked. The chat platform itself"
          + " (Slack or Teams) still sees that you used Candor and may keep what you type: ask"
          + " through Candor's private dialog or command, never as a normal message in a channel.";

  public static String text() {
    StringBuilder sb = new StringBuilder("Candor: ask leadership anything, anonymously.\n\n");
    sb.append("Everyone:\n");
    sb.append("  sessions                     list sessions you can take part in\n");
    sb.append("  ask [<session>] <text>       ask a question anonymously\n");
    sb.append(
        "  questions [<session>]        see the board, your votes and your waiting questions\n");
    sb.append(
        "  vote <question>              upvote a question (once); unvote <question> to undo\n");
    sb.append("  withdraw <question>          withdraw one of your own questions\n");
    sb.append("Moderators:\n");
    sb.append("  open|close <session>         open or close a session now\n");
    sb.append("  hide <question> [reason]     hide a question; the reason shows in the summary\n");
    sb.append("  answer <question> [text]     mark a question answered\n");
    sb.append("  merge <question> into <question>   merge a duplicate; votes are combined\n");
    sb.append("  approve <question>           release a question held for pre-moderation\n");
    sb.append("  summary [<session>]          the moderator summary\n");
    sb.append("  export <session> csv|json|md export questions, tallies, answers, themes\n");
    sb.append(
        "  themes [<session>]           near-duplicate questions, grouped, with their votes\n");
    sb.append("  merge-cluster <question> [except <question> ...]   merge a whole group at once\n");
    sb.append("  followup <question> owner <name> due <yyyy-mm-dd>   who acts on it, by when\n");
    sb.append("  followup <question> done     close the follow-up\n");
    sb.append("  tallies <session> live|hidden-until-close|moderators-only   who sees counts\n");
    sb.append(
        "  escalate <session> at <votes>|off   tell the organizer when a question gets there\n");
    sb.append("  present <session> [renew]    link to a read-only board for the room's screen\n");
    sb.append("  reschedule <session> <start> [for <duration>] [tz <zone>]   move a session\n");
    sb.append("  carry <session>              copy its unanswered top questions to the next one\n");
    sb.append("Organizers:\n");
    sb.append(
        "  schedule \"<title>\" <start> [for <duration>] [tz <zone>] [moderators <user> ...]\n");
    sb.append(
        "           [channels <platform:channel> ...] [k <n>] [release <interval>] [premoderate]\n");
    sb.append("           [reminders 24h,1h,10m|none]\n");
    sb.append("           start: 2026-12-03 15:00, 2026-12-03T15:00, tomorrow 15:00, in 2h\n");
    sb.append(
        "           or a series: every 2 weeks thu 15:00, every week mon 9:30, every day 17:00\n");
    sb.append("  stop <session>               end its series after this occurrence\n");
    sb.append(
        "  cancel|archive <session>     cancel a session, or archive it (shreds its key)\n\n");
    sb.append("Ids: sessions look like s12, questions like q7kdm.\n\n");
    sb.append(WHO_SEES_WHAT);
    return sb.toString();
  }
}
