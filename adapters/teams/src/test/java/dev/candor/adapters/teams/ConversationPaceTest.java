package dev.candor.adapters.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.candor.core.delivery.DeliveryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Teams' per-conversation limits, on a clock the test moves (sleeping moves it too). */
class ConversationPaceTest {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> slept = new ArrayList<>();
  private final ConversationPace pace =
      new ConversationPace(
          ConversationPace.TEAMS_LIMITS,
          now::get,
          nanos -> {
            slept.add(Duration.ofNanos(nanos));
            now.addAndGet(nanos);
          });

  @Test
  void givenSevenMessagesInASecond_thenTheEighthWaitsForTheSecondToPass() throws Exception {
    for (int i = 0; i < 7; i++) {
      pace.await("19:a@thread.tacv2");
    }
    assertThat(slept).isEmpty();

    pace.await("19:a@thread.tacv2");

    assertThat(slept).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void givenOtherConversations_thenTheyAreNotHeldUp() throws Exception {
    for (int i = 0; i < 7; i++) {
      pace.await("19:a@thread.tacv2");
    }

    pace.await("19:b@thread.tacv2");

    assertThat(slept).isEmpty();
  }

  @Test
  void givenSixtyMessagesInThirtySeconds_thenTheNextGoesBackToTheOutboxWithAWait()
      throws Exception {
    for (int i = 0; i < 60; i++) {
      pace.await("19:a@thread.tacv2");
      now.addAndGet(Duration.ofMillis(200).toNanos());
    }

    DeliveryException e =
        catchThrowableOfType(DeliveryException.class, () -> pace.await("19:a@thread.tacv2"));

    assertThat(e.isPermanent()).isFalse();
    assertThat(e.retryAfter())
        .hasValueSatisfying(
            wait -> assertThat(wait).isBetween(Duration.ofSeconds(17), Duration.ofSeconds(19)));
  }

  @Test
  void givenTheWindowHasPassed_thenMessagesFlowAgain() throws Exception {
    for (int i = 0; i < 60; i++) {
      pace.await("19:a@thread.tacv2");
      now.addAndGet(Duration.ofMillis(200).toNanos());
    }
    now.addAndGet(Duration.ofSeconds(30).toNanos());
    slept.clear();

    pace.await("19:a@thread.tacv2");

    assertThat(slept).isEmpty();
  }
}
