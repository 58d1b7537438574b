package dev.mediacollection.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** How long a failing relay waits before it tries again. */
class OutboxRelayTest {

    static final Duration FIRST = Duration.ofMillis(250);
    static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void theWaitDoublesWithEachFailureInARowUpToTheMaximum() {
        assertThat(OutboxRelay.backoff(1, FIRST, MAX)).isEqualTo(Duration.ofMillis(250));
        assertThat(OutboxRelay.backoff(2, FIRST, MAX)).isEqualTo(Duration.ofMillis(500));
        assertThat(OutboxRelay.backoff(5, FIRST, MAX)).isEqualTo(Duration.ofSeconds(4));
        assertThat(OutboxRelay.backoff(8, FIRST, MAX)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxRelay.backoff(1_000, FIRST, MAX)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aFirstWaitAboveTheMaximumIsTheMaximum() {
        assertThat(OutboxRelay.backoff(1, Duration.ofMinutes(1), MAX)).isEqualTo(MAX);
    }
}
