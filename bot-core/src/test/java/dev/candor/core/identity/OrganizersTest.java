package dev.candor.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.candor.core.CandorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The organizers named in configuration, and the actor a request brings in. */
class OrganizersTest {

  @Test
  void givenOneNamedOrganizer_thenOnlyThatUserOnThatPlatformIsIncluded() {
    Organizers o = Organizers.parse("console:boss");

    assertThat(o.includes(new UserRef(Platform.CONSOLE, "boss"))).isTrue();
    assertThat(o.includes(new UserRef(Platform.SLACK, "boss"))).isFalse();
    assertThat(o.includes(new UserRef(Platform.CONSOLE, "Boss"))).isFalse();
    assertThat(o.includes(new UserRef(Platform.CONSOLE, "bossy"))).isFalse();
    assertThat(o.isEmpty()).isFalse();
  }

  @Test
  void givenSeveralOrganizersWithSpacesAndTeamsIdsWithColons_thenEachIsIncluded() {
    Organizers o = Organizers.parse(" slack:U024BE7LH , teams:29:1abcDEF ,, console:ana ");

    assertThat(o.includes(new UserRef(Platform.SLACK, "U024BE7LH"))).isTrue();
    assertThat(o.includes(new UserRef(Platform.TEAMS, "29:1abcDEF"))).isTrue();
    assertThat(o.includes(new UserRef(Platform.CONSOLE, "ana"))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", " * ", "slack:U1,*"})
  void givenStar_thenAnyoneIsAnOrganizer(String spec) {
    Organizers o = Organizers.parse(spec);

    assertThat(o.includes(new UserRef(Platform.TEAMS, "anyone-at-all"))).isTrue();
    assertThat(o).hasToString("*");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", ","})
  void givenNothing_thenNobodyIsAnOrganizer(String spec) {
    Organizers o = Organizers.parse(spec);

    assertThat(o.isEmpty()).isTrue();
    assertThat(o.includes(new UserRef(Platform.CONSOLE, "organizer"))).isFalse();
  }

  @Test
  void givenOrganizerWithoutPlatform_thenRejectedWithAOneLineHint() {
    assertThatThrownBy(() -> Organizers.parse("boss"))
        .isInstanceOfSatisfying(
            CandorException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(CandorException.Kind.INVALID_INPUT);
              assertThat(e.getMessage()).contains("platform:user").doesNotContain("\n");
            });
  }

  @Test
  void givenActor_thenItsTextHidesTheUserIdAndTenant() {
    Actor actor = new Actor(Platform.SLACK, "T-SECRET-TEAM", "U-SECRET-USER");

    assertThat(actor.toString()).isEqualTo("Actor[slack, <redacted>]").doesNotContain("SECRET");
    assertThat(actor.ref()).isEqualTo(new UserRef(Platform.SLACK, "U-SECRET-USER"));
  }

  @Test
  void givenActorWithoutTenant_thenTheTenantIsADash() {
    assertThat(Actor.of(Platform.CONSOLE, "ana").tenant()).isEqualTo("-");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"<@U024BE7LH>", "<@U024BE7LH|ana>", "@U024BE7LH", "U024BE7LH", "slack:U024BE7LH"})
  void givenTheWaysAUserIsWritten_thenTheSameUserRefIsRead(String typed) {
    assertThat(UserRef.parse(typed, Platform.SLACK))
        .isEqualTo(new UserRef(Platform.SLACK, "U024BE7LH"));
  }
}
