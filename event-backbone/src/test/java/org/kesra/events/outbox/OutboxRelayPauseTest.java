package org.kesra.events.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The relay's pause after empty rounds: doubled each time, never past its limit. */
class OutboxRelayPauseTest {

    @Test
    void anIdleRelayBacksOffFromThePollIntervalToItsLimit() {
        List<Long> pauses = new ArrayList<>();
        Duration pause = Duration.ofMillis(25);
        for (int round = 0; round < 6; round++) {
            pauses.add(pause.toMillis());
            pause = OutboxRelay.doubled(pause, Duration.ofMillis(200));
        }

        assertThat(pauses).containsExactly(25L, 50L, 100L, 200L, 200L, 200L);
    }

    @Test
    void aLimitBelowThePollIntervalIsTheLimit() {
        assertThat(OutboxRelay.doubled(Duration.ofMillis(25), Duration.ofMillis(30))).isEqualTo(Duration.ofMillis(30));
    }
}
