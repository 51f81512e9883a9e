package dev.candor.app.config;

import java.util.Optional;

/**
 * A value read from the environment that must never reach a log line: a password, a token, a key.
 * {@link #toString()} says only that it is set; {@link #reveal()} hands the value to the one
 * component that needs it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** Wraps a non-blank value. */
  public static Secret of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a secret may not be blank");
    }
    return new Secret(value);
  }

  /** The value itself; pass it on, never print it. */
  public String reveal() {
    return value;
  }

  /** {@code <set>} or {@code <unset>}: how every config record prints an optional secret. */
  public static String describe(Optional<Secret> secret) {
    return secret.isPresent() ? "<set>" : "<unset>";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "<set>";
  }
}
