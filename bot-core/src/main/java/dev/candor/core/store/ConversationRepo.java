package dev.candor.core.store;

import dev.candor.core.identity.Platform;
import java.util.Optional;

/**
 * What a platform needs to reach a channel or tenant later without being asked (Teams keeps a
 * conversation reference per channel and a service URL per tenant). Addresses are channels or
 * tenants, never participants: a participant's personal conversation is not kept, because its
 * address would name them.
 */
public interface ConversationRepo {
  /** Stores or replaces the reference (a platform-defined JSON document) for the address. */
  void save(Platform platform, String address, String referenceJson);

  Optional<String> find(Platform platform, String address);
}
