package dev.candor.core.identity;

import dev.candor.core.CandorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The organizers named in configuration ({@code CANDOR_ORGANIZERS}): a comma-separated list of
 * {@code platform:user}, or {@code *} for anyone.
 */
public final class Organizers {
  private final boolean anyone;
  private final Set<UserRef> users;

  private Organizers(boolean anyone, Set<UserRef> users) {
    this.anyone = anyone;
    this.users = Set.copyOf(users);
  }

  public static Organizers anyone() {
    return new Organizers(true, Set.of());
  }

  public static Organizers of(UserRef... users) {
    return new Organizers(false, Set.of(users));
  }

  /** Parses the configuration form; blank means nobody. */
  public static Organizers parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return new Organizers(false, Set.of());
    }
    List<UserRef> users = new ArrayList<>();
    boolean anyone = false;
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (p.equals("*")) {
        anyone = true;
        continue;
      }
      if (p.indexOf(':') <= 0) {
        throw CandorException.invalid(
            "Organizer '"
                + p
                + "' has no platform. Write platform:user, e.g. slack:U024BE7LH, or *.");
      }
      users.add(UserRef.parse(p, Platform.CONSOLE));
    }
    return new Organizers(anyone, Set.copyOf(users));
  }

  public boolean includes(UserRef user) {
    return anyone || users.contains(user);
  }

  public boolean isEmpty() {
    return !anyone && users.isEmpty();
  }

  @Override
  public String toString() {
    return anyone ? "*" : users.toString();
  }
}
