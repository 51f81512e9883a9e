package dev.candor.core.identity;

import static dev.candor.core.Checks.notBlank;

/**
 * What the core keeps instead of a participant's identity: {@code HMAC-SHA256(sessionKey,
 * platform|tenant|user)}, base64url encoded. Stable within one session, unrelated across sessions,
 * and impossible to recompute once the session key is shredded.
 */
public record Pseudonym(String value) {
  public Pseudonym {
    notBlank(value, "value");
  }

  @Override
  public String toString() {
    return "Pseudonym[" + value.substring(0, Math.min(6, value.length())) + "…]";
  }
}
