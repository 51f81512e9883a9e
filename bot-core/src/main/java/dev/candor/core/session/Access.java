package dev.candor.core.session;

import dev.candor.core.CandorException;
import dev.candor.core.identity.Actor;
import dev.candor.core.identity.Organizers;
import dev.candor.core.identity.Role;

/** Decides what a person may do, and says so plainly when they may not. */
public final class Access {
  private final Organizers organizers;

  public Access(Organizers organizers) {
    this.organizers = organizers;
  }

  public boolean isOrganizer(Actor actor) {
    return organizers.includes(actor.ref());
  }

  /** The strongest role the actor holds in the session. */
  public Role roleIn(Actor actor, ListeningSession session) {
    if (isOrganizer(actor)) {
      return Role.ORGANIZER;
    }
    return session.isModerator(actor.ref()) ? Role.MODERATOR : Role.PARTICIPANT;
  }

  public boolean canModerate(Actor actor, ListeningSession session) {
    return roleIn(actor, session) != Role.PARTICIPANT;
  }

  public void requireOrganizer(Actor actor, String action) {
    if (!isOrganizer(actor)) {
      throw CandorException.notAllowed(
          "Only organizers can " + action + ". Ask an organizer of your department's Candor.");
    }
  }

  public void requireModerator(Actor actor, ListeningSession session, String action) {
    if (!canModerate(actor, session)) {
      throw CandorException.notAllowed(
          "Only moderators of "
              + session.id()
              + " can "
              + action
              + ". You can ask, vote and withdraw your own questions.");
    }
  }
}
