package dev.candor.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelPaceTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(5 * SECOND);
  private final List<Long> sleeps = new ArrayList<>();
  private ChannelPace pace;

  @BeforeEach
  void create() {
    pace =
        new ChannelPace(
            Duration.ofSeconds(1),
            now::get,
            n -> {
              sleeps.add(n);
              now.addAndGet(n);
            });
  }

  @Test
  void givenTwoPostsToOneChannel_thenTheSecondWaitsTheRestOfTheSecond() throws Exception {
    pace.await("C1");
    now.addAndGet(SECOND / 4);
    pace.await("C1");

    assertThat(sleeps).containsExactly(3 * SECOND / 4);
  }

  @Test
  void givenABurstToOneChannel_thenPostsGoOutOneSecondApart() throws Exception {
    for (int i = 0; i < 4; i++) {
      pace.await("C1");
    }

    assertThat(sleeps).containsExactly(SECOND, SECOND, SECOND);
  }

  @Test
  void givenDifferentChannels_thenNoneWaitsForAnother() throws Exception {
    pace.await("C1");
    pace.await("C2");
    pace.await("C3");

    assertThat(sleeps).isEmpty();
  }

  @Test
  void givenAPauseLongerThanThePace_thenThereIsNoWait() throws Exception {
    pace.await("C1");
    now.addAndGet(2 * SECOND);
    pace.await("C1");

    assertThat(sleeps).isEmpty();
  }
}
