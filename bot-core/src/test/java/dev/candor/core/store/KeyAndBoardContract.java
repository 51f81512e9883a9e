package dev.candor.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.candor.core.identity.Platform;
import dev.candor.core.session.ChannelRef;
import dev.candor.core.session.SessionId;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

interface KeyAndBoardContract extends StorageFixture {

  @Test
  default void givenWrappedKey_whenStored_thenFoundByteForByte_andGoneOnceDeleted() {
    SessionId s = savedSession().id();
    byte[] wrapped = new byte[60];
    new SecureRandom().nextBytes(wrapped);

    keys().insert(s, wrapped);
    assertThat(keys().find(s)).hasValueSatisfying(k -> assertThat(k).isEqualTo(wrapped));

    keys().delete(s);
    assertThat(keys().find(s)).isEmpty();
  }

  @Test
  default void givenNoKey_thenFindIsEmpty() {
    assertThat(keys().find(new SessionId(42))).isEmpty();
  }

  @Test
  default void givenBoardMessage_whenSavedAgain_thenTheLatestIsKeptPerChannel() {
    SessionId s = savedSession().id();
    ChannelRef slack = new ChannelRef(Platform.SLACK, "C1");
    ChannelRef teams = new ChannelRef(Platform.TEAMS, "C1");
    assertThat(boards().find(s, slack)).isEmpty();

    boards().save(s, slack, "1700000000.000100");
    boards().save(s, teams, "activity-1");
    boards().save(s, slack, "1700000000.000200");

    assertThat(boards().find(s, slack)).contains("1700000000.000200");
    assertThat(boards().find(s, teams)).contains("activity-1");
    assertThat(boards().find(new SessionId(s.value() + 1), slack)).isEmpty();
  }

  @Test
  default void
      givenConversationReference_whenSavedAgain_thenTheLatestIsKeptPerPlatformAndAddress() {
    assertThat(conversations().find(Platform.TEAMS, "19:abc@thread.tacv2")).isEmpty();

    conversations().save(Platform.TEAMS, "19:abc@thread.tacv2", "{\"v\":1}");
    conversations().save(Platform.SLACK, "19:abc@thread.tacv2", "{\"v\":2}");
    conversations().save(Platform.TEAMS, "19:abc@thread.tacv2", "{\"v\":3}");

    assertThat(conversations().find(Platform.TEAMS, "19:abc@thread.tacv2")).contains("{\"v\":3}");
    assertThat(conversations().find(Platform.SLACK, "19:abc@thread.tacv2")).contains("{\"v\":2}");
  }
}
