package dev.candor.core.security;

import dev.candor.core.command.Reply;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.Role;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.QuestionId;
import dev.candor.core.session.ListeningSession;
import dev.candor.core.session.NewSession;
import dev.candor.core.session.SessionId;
import dev.candor.core.testing.TestCandor;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Who may type which command, as one table: every command of the text language that needs a role,
 * written as a template over a staged {@link Scene}, with the role it needs. {@link
 * AuthorizationMatrixTest} drives it through {@code Candor.commands()}; adapter tests can drive the
 * same rows through a Slack slash command or a Teams message, since a row is just the text a person
 * would type.
 *
 * <pre>{@code
 * try (TestCandor t = TestCandor.withDefaults()) {
 *   AuthorizationMatrix.Scene scene = AuthorizationMatrix.stage(t);
 *   for (AuthorizationMatrix.Row row : AuthorizationMatrix.privileged()) {
 *     String typed = row.command(scene);               // e.g. "hide q7kd off topic"
 *     ... send it as a participant, expect row.refusal(scene) in the one-line answer ...
 *   }
 * }
 * }</pre>
 */
public final class AuthorizationMatrix {

  /** Moderates every session of the scene that commands are aimed at. */
  public static final Actor MODERATOR_OF_TARGET = Actor.of(Platform.CONSOLE, "moderator-b");

  /** Moderates only {@link Scene#foreign()}, a session none of the rows touch. */
  public static final Actor MODERATOR_OF_ANOTHER = Actor.of(Platform.CONSOLE, "moderator-a");

  private AuthorizationMatrix() {}

  /** Which session of the scene a row acts on, so a refusal can be checked to name it. */
  public enum Target {
    NONE,
    SESSION,
    CLOSED,
    PREMODERATED,
    OCCURRENCE
  }

  /**
   * One command and the role it needs.
   *
   * @param name a short label for test names
   * @param template the command as typed, with {@code {session}}, {@code {closed}}, {@code
   *     {premoderated}}, {@code {occurrence}}, {@code {question}}, {@code {other}} and {@code
   *     {pending}} standing for the scene's ids
   * @param needs the weakest role that may run it
   * @param target the session whose moderators a refusal names
   */
  public record Row(String name, String template, Role needs, Target target) {
    /** The command with the scene's ids filled in. */
    public String command(Scene scene) {
      String text = template;
      for (Map.Entry<String, String> slot : scene.slots().entrySet()) {
        text = text.replace("{" + slot.getKey() + "}", slot.getValue());
      }
      return text;
    }

    /**
     * What the one-line refusal to someone without the role must start with. A question still
     * waiting for release must look like one that does not exist to anyone but its asker and
     * moderators, so acting on it is refused as an unknown id.
     */
    public String refusal(Scene scene) {
      if (template.contains("{pending}")) {
        return "There is no question " + scene.slots().get("pending") + ".";
      }
      return needs == Role.ORGANIZER
          ? "Only organizers can "
          : "Only moderators of " + scene.session(target) + " can ";
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * The staged sessions and questions the rows refer to.
   *
   * @param session scheduled, moderated by {@link #MODERATOR_OF_TARGET}, with released questions
   *     {@code question} and {@code other} (three people asked)
   * @param closed closed, same moderator: the one session that can be archived
   * @param premoderated scheduled with pre-moderation, same moderator; {@code pending} waits there
   *     for approval
   * @param occurrence the first occurrence of a daily series, same moderator, closed with a
   *     question on its board, so the next occurrence exists
   * @param foreign moderated by {@link #MODERATOR_OF_ANOTHER} only
   */
  public record Scene(
      SessionId session,
      SessionId closed,
      SessionId premoderated,
      SessionId occurrence,
      SessionId foreign,
      QuestionId question,
      QuestionId other,
      QuestionId pending) {

    Map<String, String> slots() {
      return Map.of(
          "session", session.toString(),
          "closed", closed.toString(),
          "premoderated", premoderated.toString(),
          "occurrence", occurrence.toString(),
          "question", question.toString(),
          "other", other.toString(),
          "pending", pending.toString());
    }

    /** The session a row targets; {@code NONE} is answered with the main session. */
    public SessionId session(Target target) {
      return switch (target) {
        case NONE, SESSION -> session;
        case CLOSED -> closed;
        case PREMODERATED -> premoderated;
        case OCCURRENCE -> occurrence;
      };
    }
  }

  /**
   * Every command that needs a role, each in a form that succeeds for someone who has it in a
   * freshly {@linkplain #stage staged} scene. Each row runs on a scene of its own.
   */
  public static List<Row> privileged() {
    return List.of(
        new Row("schedule", "schedule \"Taken over\" tomorrow 15:00", Role.ORGANIZER, Target.NONE),
        new Row("open", "open {session}", Role.MODERATOR, Target.SESSION),
        new Row("close", "close {session}", Role.MODERATOR, Target.SESSION),
        new Row("cancel", "cancel {session}", Role.ORGANIZER, Target.SESSION),
        new Row("archive", "archive {closed}", Role.ORGANIZER, Target.CLOSED),
        new Row("hide", "hide {question} off topic", Role.MODERATOR, Target.SESSION),
        new Row("answer", "answer {question} We are on it.", Role.MODERATOR, Target.SESSION),
        new Row("merge", "merge {other} into {question}", Role.MODERATOR, Target.SESSION),
        new Row("approve", "approve {pending}", Role.MODERATOR, Target.PREMODERATED),
        new Row("summary", "summary {session}", Role.MODERATOR, Target.SESSION),
        new Row("summary of a closed session", "summary {closed}", Role.MODERATOR, Target.CLOSED),
        new Row("export csv", "export {session} csv", Role.MODERATOR, Target.SESSION),
        new Row("export json", "export {session} json", Role.MODERATOR, Target.SESSION),
        new Row("export md", "export {session} md", Role.MODERATOR, Target.SESSION),
        new Row(
            "schedule a series",
            "schedule \"Weekly\" every week thu 15:00",
            Role.ORGANIZER,
            Target.NONE),
        new Row(
            "reschedule", "reschedule {session} tomorrow 16:00", Role.MODERATOR, Target.SESSION),
        new Row("carry", "carry {occurrence}", Role.MODERATOR, Target.OCCURRENCE),
        new Row("stop a series", "stop {occurrence}", Role.ORGANIZER, Target.OCCURRENCE),
        new Row("themes", "themes {session}", Role.MODERATOR, Target.SESSION),
        new Row("merge-cluster", "merge-cluster {question}", Role.MODERATOR, Target.SESSION),
        new Row(
            "followup",
            "followup {question} owner Finance team due 2026-06-30",
            Role.MODERATOR,
            Target.SESSION),
        new Row("tallies live", "tallies {session} live", Role.MODERATOR, Target.SESSION),
        new Row(
            "tallies hidden-until-close",
            "tallies {session} hidden-until-close",
            Role.MODERATOR,
            Target.SESSION),
        new Row(
            "tallies moderators-only",
            "tallies {session} moderators-only",
            Role.MODERATOR,
            Target.SESSION),
        new Row("escalate", "escalate {session} at 10", Role.MODERATOR, Target.SESSION),
        new Row("escalate off", "escalate {session} off", Role.MODERATOR, Target.SESSION),
        new Row("present", "present {session}", Role.MODERATOR, Target.SESSION),
        new Row("present renew", "present {session} renew", Role.MODERATOR, Target.SESSION));
  }

  /** The commands anyone may type, for the check that every command is in one list or the other. */
  public static List<Row> forEveryone() {
    return List.of(
        new Row("help", "help", Role.PARTICIPANT, Target.NONE),
        new Row("sessions", "sessions", Role.PARTICIPANT, Target.NONE),
        new Row("ask", "ask {session} Why the move?", Role.PARTICIPANT, Target.SESSION),
        new Row("questions", "questions {session}", Role.PARTICIPANT, Target.SESSION),
        new Row("vote", "vote {question}", Role.PARTICIPANT, Target.SESSION),
        new Row("unvote", "unvote {question}", Role.PARTICIPANT, Target.SESSION),
        new Row("withdraw", "withdraw {question}", Role.PARTICIPANT, Target.SESSION));
  }

  /**
   * People who hold no role over the scene's sessions, each a different way of not being entitled:
   * a participant, the moderator of another session, and namesakes of the target's moderator and of
   * the organizer on another platform.
   */
  public static List<Actor> outsiders() {
    return List.of(
        TestCandor.participant(7),
        MODERATOR_OF_ANOTHER,
        new Actor(Platform.SLACK, "T0OTHER", MODERATOR_OF_TARGET.userId()),
        new Actor(Platform.TEAMS, "tenant-x", TestCandor.ORGANIZER.userId()));
  }

  /** The privileged row called {@code name}, for surfaces (buttons, dialogs) that do the same. */
  public static Row row(String name) {
    return privileged().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no privileged row " + name));
  }

  /**
   * Stages the scene through the core (not the command language), as {@link TestCandor#ORGANIZER},
   * with {@link #MODERATOR_OF_TARGET} and {@link #MODERATOR_OF_ANOTHER} as the moderators. Staging
   * again in the same fixture makes a second scene of new sessions and questions, untouched by
   * whatever was done to the first.
   */
  public static Scene stage(TestCandor t) {
    return stage(t, MODERATOR_OF_TARGET.ref(), MODERATOR_OF_ANOTHER.ref());
  }

  /**
   * Stages the scene with the given moderators instead, so that an adapter's test can cast people
   * of its own platform: {@code moderatorOfTarget} moderates every session rows act on, {@code
   * moderatorOfAnother} only {@link Scene#foreign()}.
   */
  public static Scene stage(TestCandor t, UserRef moderatorOfTarget, UserRef moderatorOfAnother) {
    List<UserRef> targetMods = List.of(moderatorOfTarget);
    ListeningSession session = t.scheduleSession(targetMods);
    List<QuestionId> released = t.askEach(session.id(), 1, 3);

    ListeningSession closed = t.scheduleSession(targetMods);
    t.askEach(closed.id(), 1, 3);
    t.candor().sessions().close(t.organizer(), closed.id());

    NewSession plain = t.sessionRequest("Pre-moderated", targetMods);
    ListeningSession premoderated =
        t.scheduleSession(
            new NewSession(
                plain.title(),
                plain.startsAt(),
                plain.endsAt(),
                plain.zone(),
                plain.audience(),
                plain.moderators(),
                plain.settings().withPremoderation(true)));
    QuestionId pending =
        t.candor()
            .questions()
            .ask(TestCandor.participant(1), premoderated.id(), "Held for review?")
            .id();

    SessionId occurrence = stageSeries(t, moderatorOfTarget);

    ListeningSession foreign = t.scheduleSession(List.of(moderatorOfAnother));
    t.askEach(foreign.id(), 1, 3);

    // Deliver what staging caused, so that whatever the outbox holds afterwards is the row's doing.
    t.clock().advance(Duration.ofMinutes(1));
    t.deliverDue();

    return new Scene(
        session.id(),
        closed.id(),
        premoderated.id(),
        occurrence,
        foreign.id(),
        released.get(0),
        released.get(1),
        pending);
  }

  /** A daily series moderated by {@code moderator}; its first occurrence is closed. */
  private static SessionId stageSeries(TestCandor t, UserRef moderator) {
    Reply made =
        t.command(
            t.organizer(), "schedule \"Daily stand-up\" every day 10:00 moderators " + moderator);
    if (made instanceof Reply.Error e) {
      throw new IllegalStateException("cannot stage a series: " + e.text());
    }
    // The newest of that title: a scene staged earlier in the same fixture left older ones.
    SessionId first =
        new SessionId(
            Long.parseLong(
                t.query("SELECT MAX(id) FROM sessions WHERE title = ?", "Daily stand-up")
                    .get(0)
                    .get(0)));
    t.askEach(first, 1, 3);
    t.candor().sessions().close(t.organizer(), first);
    return first;
  }
}
