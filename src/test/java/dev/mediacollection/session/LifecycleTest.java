package dev.mediacollection.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adobe's session lifecycle: sessionEnd closes, sessionComplete completes, timeouts expire; an event that happened
 * before the sessionEnd but arrives just after it is still kept.
 */
class LifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    /** Device time of T0: in these tests the player's clock and the server's agree. */
    static final long TS0 = T0.toEpochMilli();
    static final Duration WINDOW = Duration.ofSeconds(5);
    static final SessionTimeouts ADOBE = new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30), WINDOW);

    /** An event that happened and arrived at {@code at}. */
    static ReceivedEvent event(EventType type, double playhead, Instant at) {
        return event(type, playhead, at.toEpochMilli(), at);
    }

    /** An event that happened at {@code ts} on the device and arrived at {@code at}. */
    static ReceivedEvent event(EventType type, double playhead, long ts, Instant at) {
        return new ReceivedEvent(type, playhead, ts, at, "{}");
    }

    @Test
    void aSessionOpensTakingEvents() {
        Lifecycle opened = Lifecycle.opened(T0, 0);

        assertThat(opened.state()).isEqualTo(SessionState.OPEN);
        assertThat(opened.state().takesEvents()).isTrue();
        assertThat(opened.closedAt()).isNull();
        assertThat(opened.closeCause()).isNull();
        assertThat(opened.endTs()).isNull();
    }

    @Test
    void sessionEndClosesAtOnceAndRemembersItsTs() {
        Lifecycle closed = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_END, 42, TS0 + 41_900,
                T0.plusSeconds(42)));

        assertThat(closed.state()).isEqualTo(SessionState.CLOSED);
        assertThat(closed.state().takesEvents()).isFalse();
        assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(42));
        assertThat(closed.closeCause()).isEqualTo(CloseCause.SESSION_END);
        assertThat(closed.endTs()).isEqualTo(TS0 + 41_900);
    }

    @Test
    void sessionCompleteMarksCompleteButKeepsTheSessionOpen() {
        Lifecycle complete = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_COMPLETE, 60, T0.plusSeconds(60)));

        assertThat(complete.state()).isEqualTo(SessionState.COMPLETE);
        assertThat(complete.state().takesEvents()).isTrue();
        assertThat(complete.after(event(EventType.PING, 60, T0.plusSeconds(70))).state())
                .isEqualTo(SessionState.COMPLETE);
        assertThat(complete.after(event(EventType.SESSION_END, 60, T0.plusSeconds(71))).state())
                .isEqualTo(SessionState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(value = EventType.class, names = { "SESSION_END", "SESSION_COMPLETE" }, mode = EnumSource.Mode.EXCLUDE)
    void otherEventsKeepTheState(EventType type) {
        Lifecycle next = Lifecycle.opened(T0, 0).after(event(type, 5, T0.plusSeconds(5)));

        assertThat(next.state()).isEqualTo(SessionState.OPEN);
        assertThat(next.endTs()).isNull();
    }

    @Test
    void aClosedSessionTakesNoEvent() {
        Lifecycle closed = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_END, 1, T0));

        assertThatThrownBy(() -> closed.after(event(EventType.PING, 1, T0))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tenMinutesWithoutEventsExpire() {
        Lifecycle lifecycle = Lifecycle.opened(T0, 0).after(event(EventType.PLAY, 5, T0.plusSeconds(5)));

        assertThat(lifecycle.expiry(T0.plusSeconds(5).plus(Duration.ofMinutes(10)).minusMillis(1), ADOBE)).isEmpty();
        assertThat(lifecycle.expiry(T0.plusSeconds(5).plus(Duration.ofMinutes(10)), ADOBE))
                .contains(new Lifecycle.Expiry(CloseCause.IDLE, T0.plusSeconds(5).plus(Duration.ofMinutes(10))));
    }

    @Test
    void thirtyMinutesWithoutPlayheadMovementExpireEvenWithPings() {
        Lifecycle paused = Lifecycle.opened(T0, 0).after(event(EventType.PAUSE_START, 12, T0.plusSeconds(12)));
        for (int minute = 1; minute <= 30; minute++) {
            paused = paused.after(event(EventType.PING, 12, T0.plusSeconds(12).plus(Duration.ofMinutes(minute))));
        }
        Instant deadline = T0.plusSeconds(12).plus(Duration.ofMinutes(30));

        assertThat(paused.lastPlayheadChangeAt()).isEqualTo(T0.plusSeconds(12));
        assertThat(paused.expiry(deadline, ADOBE)).contains(new Lifecycle.Expiry(CloseCause.STALLED, deadline));
    }

    @Test
    void movingThePlayheadKeepsTheSessionAlive() {
        Lifecycle watching = Lifecycle.opened(T0, 0);
        for (int minute = 1; minute <= 60; minute++) {
            watching = watching.after(event(EventType.PING, minute * 60, T0.plus(Duration.ofMinutes(minute))));
        }

        assertThat(watching.expiry(T0.plus(Duration.ofMinutes(61)), ADOBE)).isEmpty();
    }

    @Test
    void theFirstDeadlineToPassIsTheCause() {
        SessionTimeouts stalledFirst = new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(5), WINDOW);
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
        Lifecycle ended = open.after(event(EventType.SESSION_END, 60, T0));

        assertThat(open.closedAsDownloaded(T0).closeCause()).isEqualTo(CloseCause.DOWNLOADED);
        assertThat(ended.closedAsDownloaded(T0).closeCause()).isEqualTo(CloseCause.SESSION_END);
    }

    // --- admitting an arriving event ------------------------------------------------------------------------------

    @Test
    void aSessionThatTakesEventsKeepsOneAndMovesOn() {
        Lifecycle open = Lifecycle.opened(T0, 0);
        ReceivedEvent play = event(EventType.PLAY, 1, T0.plusSeconds(1));

        assertThat(open.admit(play, ADOBE)).isEqualTo(new Admission.Kept(open.after(play), false));
    }

    @Test
    void anEventAfterTheTimeoutExpiresTheSessionAndIsRefused() {
        Lifecycle open = Lifecycle.opened(T0, 0);
        Instant deadline = T0.plus(Duration.ofMinutes(10));

        assertThat(open.admit(event(EventType.PING, 1, deadline), ADOBE)).isEqualTo(new Admission.Refused(
                open.expired(new Lifecycle.Expiry(CloseCause.IDLE, deadline)), true, Admission.Refusal.CLOSED));
    }

    @Test
    void anEventThatHappenedBeforeTheSessionEndAndArrivesWithinTheWindowIsKeptLate() {
        Instant endArrived = T0.plusSeconds(30);
        Lifecycle ended = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_END, 27.4, TS0 + 27_702, endArrived));
        Instant lastMoment = endArrived.plus(WINDOW).minusMillis(1);

        assertThat(ended.admit(event(EventType.PAUSE_START, 27.4, TS0 + 27_630, endArrived.plusMillis(3)), ADOBE))
                .isEqualTo(new Admission.Kept(ended, true));
        assertThat(ended.admit(event(EventType.PAUSE_START, 27.4, TS0 + 27_630, lastMoment), ADOBE))
                .isEqualTo(new Admission.Kept(ended, true));
        assertThat(ended.admit(event(EventType.PING, 27.4, TS0 + 27_702, lastMoment), ADOBE))
                .as("at the sessionEnd's own ts").isEqualTo(new Admission.Kept(ended, true));
    }

    @Test
    void aLateEventLeavesTheSessionAsItEnded() {
        Lifecycle ended = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_END, 60, TS0 + 60_000,
                T0.plusSeconds(60)));

        Admission.Kept kept = (Admission.Kept) ended.admit(event(EventType.PAUSE_START, 59, TS0 + 59_000,
                T0.plusSeconds(61)), ADOBE);

        assertThat(kept.next()).isEqualTo(ended);
        assertThat(kept.next().state()).isEqualTo(SessionState.CLOSED);
        assertThat(kept.next().closedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(kept.next().closeCause()).isEqualTo(CloseCause.SESSION_END);
        assertThat(kept.next().lastPlayhead()).isEqualTo(60);
    }

    @Test
    void anEventArrivingWhenTheWindowHasPassedIsRefusedAsTooLate() {
        Instant endArrived = T0.plusSeconds(30);
        Lifecycle ended = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_END, 27.4, TS0 + 27_702, endArrived));

        assertThat(ended.admit(event(EventType.PAUSE_START, 27.4, TS0 + 27_630, endArrived.plus(WINDOW)), ADOBE))
                .isEqualTo(new Admission.Refused(ended, false, Admission.Refusal.TOO_LATE));
        assertThat(ended.admit(event(EventType.PAUSE_START, 27.4, TS0 + 27_630, endArrived.plusSeconds(60)), ADOBE))
                .isEqualTo(new Admission.Refused(ended, false, Admission.Refusal.TOO_LATE));
    }

    @Test
    void anEventThatHappenedAfterTheSessionEndIsRefusedWhenever() {
        Instant endArrived = T0.plusSeconds(30);
        Lifecycle ended = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_END, 27.4, TS0 + 27_702, endArrived));

        assertThat(ended.admit(event(EventType.PING, 27.4, TS0 + 27_703, endArrived), ADOBE))
                .isEqualTo(new Admission.Refused(ended, false, Admission.Refusal.AFTER_END));
        assertThat(ended.admit(event(EventType.PING, 27.4, TS0 + 37_000, endArrived.plusSeconds(60)), ADOBE))
                .as("after the end and after the window: the ts says more").isEqualTo(
                        new Admission.Refused(ended, false, Admission.Refusal.AFTER_END));
    }

    @Test
    void noWindowNoLateEvent() {
        SessionTimeouts none = new SessionTimeouts(Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ZERO);
        Lifecycle ended = Lifecycle.opened(T0, 0).after(event(EventType.SESSION_END, 5, TS0 + 5_000,
                T0.plusSeconds(5)));

        assertThat(ended.admit(event(EventType.PAUSE_START, 5, TS0 + 4_999, T0.plusSeconds(5)), none))
                .isEqualTo(new Admission.Refused(ended, false, Admission.Refusal.TOO_LATE));
    }

    @Test
    void anExpiredSessionTakesNoLateEvent() {
        Lifecycle open = Lifecycle.opened(T0, 0);
        Instant deadline = T0.plus(Duration.ofMinutes(10));
        Lifecycle expired = open.expired(new Lifecycle.Expiry(CloseCause.IDLE, deadline));

        assertThat(expired.endTs()).isNull();
        assertThat(expired.admit(event(EventType.PING, 0, TS0, deadline.plusMillis(1)), ADOBE))
                .isEqualTo(new Admission.Refused(expired, false, Admission.Refusal.CLOSED));
    }

    @Test
    void aDownloadedSessionTakesNoLateEventEvenIfItEndedItself() {
        Lifecycle open = Lifecycle.opened(T0, 0);
        Lifecycle endedItself = open.after(event(EventType.SESSION_END, 60, TS0 + 60_000, T0))
                .closedAsDownloaded(T0);
        Lifecycle closedByUpload = open.closedAsDownloaded(T0);

        for (Lifecycle downloaded : new Lifecycle[] { endedItself, closedByUpload }) {
            assertThat(downloaded.endTs()).isNull();
            assertThat(downloaded.admit(event(EventType.PLAY, 0, TS0, T0.plusMillis(1)), ADOBE))
                    .isEqualTo(new Admission.Refused(downloaded, false, Admission.Refusal.CLOSED));
        }
    }
}
