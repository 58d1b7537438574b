package dev.mediacollection.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Adobe's session lifecycle: sessionEnd closes, sessionComplete completes, timeouts expire. */
class LifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    static final SessionTimeouts ADOBE = new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30));

    @Test
    void aSessionOpensTakingEvents() {
        Lifecycle opened = Lifecycle.opened(T0, 0);

        assertThat(opened.state()).isEqualTo(SessionState.OPEN);
        assertThat(opened.state().takesEvents()).isTrue();
        assertThat(opened.closedAt()).isNull();
        assertThat(opened.closeCause()).isNull();
    }

    @Test
    void sessionEndClosesAtOnce() {
        Lifecycle closed = Lifecycle.opened(T0, 0).after(EventType.SESSION_END, 42, T0.plusSeconds(42));

        assertThat(closed.state()).isEqualTo(SessionState.CLOSED);
        assertThat(closed.state().takesEvents()).isFalse();
        assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(42));
        assertThat(closed.closeCause()).isEqualTo(CloseCause.SESSION_END);
    }

    @Test
    void sessionCompleteMarksCompleteButKeepsTheSessionOpen() {
        Lifecycle complete = Lifecycle.opened(T0, 0).after(EventType.SESSION_COMPLETE, 60, T0.plusSeconds(60));

        assertThat(complete.state()).isEqualTo(SessionState.COMPLETE);
        assertThat(complete.state().takesEvents()).isTrue();
        assertThat(complete.after(EventType.PING, 60, T0.plusSeconds(70)).state()).isEqualTo(SessionState.COMPLETE);
        assertThat(complete.after(EventType.SESSION_END, 60, T0.plusSeconds(71)).state())
                .isEqualTo(SessionState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = { "SESSION_END", "SESSION_COMPLETE" }, mode = EnumSource.Mode.EXCLUDE)
    void otherEventsKeepTheState(EventType type) {
        assertThat(Lifecycle.opened(T0, 0).after(type, 5, T0.plusSeconds(5)).state()).isEqualTo(SessionState.OPEN);
    }

    @Test
    void aClosedSessionTakesNoEvent() {
        Lifecycle closed = Lifecycle.opened(T0, 0).after(EventType.SESSION_END, 1, T0);

        assertThatThrownBy(() -> closed.after(EventType.PING, 1, T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tenMinutesWithoutEventsExpire() {
        Lifecycle lifecycle = Lifecycle.opened(T0, 0).after(EventType.PLAY, 5, T0.plusSeconds(5));

        assertThat(lifecycle.expiry(T0.plusSeconds(5).plus(Duration.ofMinutes(10)).minusMillis(1), ADOBE)).isEmpty();
        assertThat(lifecycle.expiry(T0.plusSeconds(5).plus(Duration.ofMinutes(10)), ADOBE))
                .contains(new Lifecycle.Expiry(CloseCause.IDLE, T0.plusSeconds(5).plus(Duration.ofMinutes(10))));
    }

    @Test
    void thirtyMinutesWithoutPlayheadMovementExpireEvenWithPings() {
        Lifecycle paused = Lifecycle.opened(T0, 0).after(EventType.PAUSE_START, 12, T0.plusSeconds(12));
        for (int minute = 1; minute <= 30; minute++) {
            paused = paused.after(EventType.PING, 12, T0.plusSeconds(12).plus(Duration.ofMinutes(minute)));
        }
        Instant deadline = T0.plusSeconds(12).plus(Duration.ofMinutes(30));

        assertThat(paused.lastPlayheadChangeAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(paused.expiry(deadline, ADOBE)).contains(new Lifecycle.Expiry(CloseCause.STALLED, deadline));
    }

    @Test
    void movingThePlayheadKeepsTheSessionAlive() {
        Lifecycle watching = Lifecycle.opened(T0, 0);
        for (int minute = 1; minute <= 60; minute++) {
            watching = watching.after(EventType.PING, minute * 60, T0.plus(Duration.ofMinutes(minute)));
        }

        assertThat(watching.expiry(T0.plus(Duration.ofMinutes(61)), ADOBE)).isEmpty();
    }

    @Test
    void theFirstDeadlineToPassIsTheCause() {
        SessionTimeouts stalledFirst = new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(5));
        Lifecycle opened = Lifecycle.opened(T0, 0);

        assertThat(opened.expiry(T0.plus(Duration.ofHours(1)), stalledFirst))
                .contains(new Lifecycle.Expiry(CloseCause.STALLED, T0.plus(Duration.ofMinutes(5))));
    }

    @Test
    void anExpiredSessionKeepsItsHistoryAndTheDeadline() {
        Lifecycle opened = Lifecycle.opened(T0, 3);
        Lifecycle.Expiry expiry = opened.expiry(T0.plus(Duration.ofHours(2)), ADOBE).orElseThrow();

        Lifecycle expired = opened.expired(expiry);

        assertThat(expired.state()).isEqualTo(SessionState.EXPIRED);
        assertThat(expired.closedAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(expired.lastPlayhead()).isEqualTo(3);
        assertThat(expired.expiry(T0.plus(Duration.ofHours(3)), ADOBE)).isEmpty();
    }

    @Test
    void aDownloadedSessionClosesOnArrivalUnlessItEndedItself() {
        Lifecycle open = Lifecycle.opened(T0, 0);
        Lifecycle ended = open.after(EventType.SESSION_END, 60, T0);

        assertThat(open.closedAsDownloaded(T0).closeCause()).isEqualTo(CloseCause.DOWNLOADED);
        assertThat(ended.closedAsDownloaded(T0).closeCause()).isEqualTo(CloseCause.SESSION_END);
    }
}
