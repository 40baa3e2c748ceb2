package org.kesra.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartBackOffTest {

    static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @Test
    void doublesThePauseAfterEachFailureAndGivesUpAtTheFifthWithinTenMinutes() {
        RestartBackOff backOff = new RestartBackOff();

        assertThat(backOff.failed(T0)).contains(Duration.ofSeconds(1));
        assertThat(backOff.failed(T0.plusSeconds(30))).contains(Duration.ofSeconds(2));
        assertThat(backOff.failed(T0.plusSeconds(60))).contains(Duration.ofSeconds(4));
        assertThat(backOff.failed(T0.plusSeconds(90))).contains(Duration.ofSeconds(8));
        assertThat(backOff.failed(T0.plusSeconds(120))).isEmpty();
        assertThat(backOff.recentFailures()).isEqualTo(5);
    }

    @Test
    void anApplicationThatCrashesNowAndThenIsRestartedEveryTime() {
        RestartBackOff backOff = new RestartBackOff();
        for (int crash = 0; crash < 20; crash++) {
            assertThat(backOff.failed(T0.plus(Duration.ofMinutes(3L * crash)))).as("crash " + crash).isPresent();
        }
        assertThat(backOff.recentFailures()).as("crashes of the last 10 minutes").isEqualTo(4);
    }
}
