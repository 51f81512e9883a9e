package dev.candor.core.session;

import static dev.candor.core.testing.TestCandor.participant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.candor.core.Candor;
import dev.candor.core.CandorException;
import dev.candor.core.command.Command.ExportFormat;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Platform;
import dev.candor.core.identity.Role;
import dev.candor.core.identity.UserRef;
import dev.candor.core.question.QuestionId;
import dev.candor.core.question.QuestionStatus;
import dev.candor.core.testing.TestCandor;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who may do what: organizers, the moderators of a session, and everyone else. */
class RolesTest {

  /** An action on a session with released questions {@code q} and {@code other}. */
  interface Action {
    void run(Candor candor, Actor actor, Scene scene);
  }

  record Scene(TestCandor t, ListeningSession session, QuestionId q, QuestionId other) {}

  static Stream<Arguments> privilegedActions() {
    return Stream.of(
        arguments(
            "schedule",
            (Action)
                (c, a, s) -> c.sessions().schedule(a, s.t().sessionRequest("Mine now", List.of()))),
        arguments("open", (Action) (c, a, s) -> c.sessions().open(a, s.session().id())),
        arguments("close", (Action) (c, a, s) -> c.sessions().close(a, s.session().id())),
        arguments("cancel", (Action) (c, a, s) -> c.sessions().cancel(a, s.session().id())),
        arguments("archive", (Action) (c, a, s) -> c.sessions().archive(a, s.session().id())),
        arguments("hide", (Action) (c, a, s) -> c.moderation().hide(a, s.q(), Optional.of("no"))),
        arguments(
            "answer", (Action) (c, a, s) -> c.moderation().answer(a, s.q(), Optional.of("yes"))),
        arguments("merge", (Action) (c, a, s) -> c.moderation().merge(a, s.other(), s.q())),
        arguments("approve", (Action) (c, a, s) -> c.moderation().approve(a, s.q())),
        arguments("summary", (Action) (c, a, s) -> c.summaries().summary(a, s.session().id())),
        arguments(
            "export",
            (Action) (c, a, s) -> c.exports().export(a, s.session().id(), ExportFormat.CSV)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privilegedActions")
  void givenParticipant_thenEveryPrivilegedActionIsRefusedWithAPlainMessage(
      String name, Action action) {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = scene(t);
      long sessions = t.count("sessions");

      assertThatThrownBy(() -> action.run(t.candor(), participant(1), scene))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED);
                assertThat(e.getMessage())
                    .startsWith("Only ")
                    .doesNotContain("\n")
                    .doesNotContain("Exception")
                    .doesNotContain("participant-1");
              });
      assertUntouched(t, scene, sessions);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("privilegedActions")
  void givenModeratorOfAnotherSession_thenNothingPrivilegedWorksHere(String name, Action action) {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = scene(t);
      t.scheduleSession(List.of(new UserRef(Platform.CONSOLE, "moderator-of-b")));
      Actor moderatorOfB = Actor.of(Platform.CONSOLE, "moderator-of-b");

      assertThatThrownBy(() -> action.run(t.candor(), moderatorOfB, scene))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED));
    }
  }

  @Test
  void givenModeratorOfSessionA_thenTheyCannotModerateSessionB() {
    try (TestCandor t = TestCandor.withDefaults()) {
      ListeningSession a = t.scheduleSession();
      ListeningSession b = t.scheduleSession(List.of(new UserRef(Platform.CONSOLE, "other-mod")));
      QuestionId inB = t.askEach(b.id(), 1, 3).get(0);

      assertThat(a.isModerator(t.moderator().ref())).isTrue();
      assertThatThrownBy(
              () -> t.candor().moderation().hide(t.moderator(), inB, Optional.of("not yours")))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED);
                assertThat(e.getMessage()).contains("Only moderators of " + b.id());
              });
      assertThatThrownBy(() -> t.candor().sessions().close(t.moderator(), b.id()))
          .isInstanceOf(CandorException.class);
      assertThatThrownBy(() -> t.candor().summaries().summary(t.moderator(), b.id()))
          .isInstanceOf(CandorException.class);
      assertThat(t.question(inB).status()).isEqualTo(QuestionStatus.PUBLISHED);
    }
  }

  @Test
  void givenModerator_thenTheyModerateTheirSessionButCannotScheduleCancelOrArchive() {
    try (TestCandor t = TestCandor.withDefaults()) {
      Scene scene = scene(t);
      Actor mod = t.moderator();
      SessionId id = scene.session().id();

      assertThatCode(
              () -> {
                t.candor().moderation().answer(mod, scene.q(), Optional.of("Answered"));
                t.candor().moderation().merge(mod, scene.other(), scene.q());
                t.candor().summaries().summary(mod, id);
                t.candor().exports().export(mod, id, ExportFormat.MD);
                t.candor().sessions().open(mod, id);
                t.candor().sessions().close(mod, id);
              })
          .doesNotThrowAnyException();
      for (Action organizerOnly :
          List.<Action>of(
              (c, a, s) -> c.sessions().schedule(a, s.t().sessionRequest("x", List.of())),
              (c, a, s) -> c.sessions().cancel(a, s.session().id()),
              (c, a, s) -> c.sessions().archive(a, s.session().id()))) {
        assertThatThrownBy(() -> organizerOnly.run(t.candor(), mod, scene))
            .isInstanceOfSatisfying(
                CandorException.class,
                e -> {
                  assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED);
                  assertThat(e.getMessage()).startsWith("Only organizers can ");
                });
      }
    }
  }

  @Test
  void givenOrganizerNamedInConfiguration_thenTheyScheduleAndModerateAnySession() {
    try (TestCandor t = TestCandor.create().withOrganizers("console:boss").build()) {
      Actor boss = Actor.of(Platform.CONSOLE, "boss");
      ListeningSession s = t.scheduleSessionAs(boss, t.sessionRequest("Boss's session", List.of()));
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);

      t.candor().moderation().hide(boss, ids.get(0), Optional.of("Duplicate"));
      t.candor().summaries().summary(boss, s.id());
      t.candor().sessions().close(boss, s.id());
      ListeningSession archived = t.candor().sessions().archive(boss, s.id());

      assertThat(archived.state()).isEqualTo(SessionState.ARCHIVED);
      assertThat(s.createdBy()).isEqualTo(boss.ref());
      assertThat(t.candor().sessions().access().roleIn(boss, s)).isEqualTo(Role.ORGANIZER);
    }
  }

  @Test
  void givenOrganizerNamedInConfiguration_thenTheSameUserIdOnAnotherPlatformIsNot() {
    try (TestCandor t = TestCandor.create().withOrganizers("console:boss").build()) {
      Actor impostor = Actor.of(Platform.SLACK, "boss");

      assertThatThrownBy(
              () ->
                  t.candor()
                      .sessions()
                      .schedule(impostor, t.sessionRequest("Not yours", List.of())))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED));
    }
  }

  @Test
  void givenStarForOrganizers_thenAnyoneIsAnOrganizer() {
    try (TestCandor t = TestCandor.create().withOrganizers("*").build()) {
      Actor anyone = participant(42);

      ListeningSession s =
          t.scheduleSessionAs(anyone, t.sessionRequest("Anyone's session", List.of()));
      List<QuestionId> ids = t.askEach(s.id(), 1, 3);
      t.candor().moderation().hide(participant(43), ids.get(0), Optional.empty());
      ListeningSession cancelled = t.candor().sessions().cancel(participant(44), s.id());

      assertThat(cancelled.state()).isEqualTo(SessionState.CANCELLED);
    }
  }

  @Test
  void givenNoOrganizersConfigured_thenNobodyCanSchedule() {
    try (TestCandor t = TestCandor.create().withOrganizers("").build()) {
      assertThatThrownBy(() -> t.scheduleSessionAs(t.organizer(), t.sessionRequest("x", List.of())))
          .isInstanceOfSatisfying(
              CandorException.class,
              e -> assertThat(e.kind()).isEqualTo(CandorException.Kind.NOT_ALLOWED));
    }
  }

  private static Scene scene(TestCandor t) {
    ListeningSession s = t.scheduleSession();
    List<QuestionId> ids = t.askEach(s.id(), 1, 3);
    return new Scene(t, s, ids.get(0), ids.get(1));
  }

  private static void assertUntouched(TestCandor t, Scene scene, long sessions) {
    assertThat(t.count("sessions")).isEqualTo(sessions);
    assertThat(t.session(scene.session().id()).state()).isEqualTo(SessionState.SCHEDULED);
    assertThat(t.keyExists(scene.session().id())).isTrue();
    assertThat(t.question(scene.q()).status()).isEqualTo(QuestionStatus.PUBLISHED);
    assertThat(t.question(scene.q()).answer()).isNull();
    assertThat(t.question(scene.other()).status()).isEqualTo(QuestionStatus.PUBLISHED);
    assertThat(t.count("votes")).isZero();
  }
}
