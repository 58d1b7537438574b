package dev.mediacollection.api.readback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.generated.model.SessionPage;
import dev.mediacollection.generated.model.SessionStateName;
import dev.mediacollection.generated.model.SessionSummary;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;
import dev.mediacollection.session.Session;
import dev.mediacollection.session.SessionIds;
import dev.mediacollection.session.SessionTimeouts;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.store.WholeSweep;
import dev.mediacollection.store.memory.InMemorySessionStore;

class SessionReadbackTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final SessionTimeouts TIMEOUTS = new SessionTimeouts(Duration.ofMinutes(10),
            Duration.ofMinutes(30), Duration.ofSeconds(5));

    private Locale jvmDefault;

    @BeforeEach
    void turkishDefaultLocale() {
        jvmDefault = Locale.getDefault();
        // Turkish upper-cases i to İ and lower-cases I to ı: "expired" would become "EXPİRED", EXPIRED "expıred".
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    }

    @AfterEach
    void restoreDefaultLocale() {
        Locale.setDefault(jvmDefault);
    }

    @Test
    void theStateFilterAndTheListedStatesDoNotDependOnTheDefaultLocale() {
        SessionStore store = new InMemorySessionStore(10, 10, TIMEOUTS);
        ReceivedEvent start = new ReceivedEvent(EventType.SESSION_START, 0, T0.toEpochMilli(), T0,
                "{\"eventType\":\"sessionStart\",\"playerTime\":{\"playhead\":0,\"ts\":" + T0.toEpochMilli() + "}}");
        Session session = new Session(SessionIds.next(), T0, start, "video-3194", "html5-player", "sports", "vod",
                Lifecycle.opened(T0, 0));
        store.create(session).toCompletableFuture().join();
        WholeSweep.expire(store, T0.plus(TIMEOUTS.idle())).toCompletableFuture().join();
        SessionReadback readback = new SessionReadback(store, new ObjectMapper(), Optional.empty());

        Response answer = readback.listSessions("expired", null, null, null, null, null, 10, null)
                .toCompletableFuture().join();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(((SessionPage) answer.getEntity()).getItems())
                .extracting(SessionSummary::getId, SessionSummary::getState)
                .containsExactly(tuple(session.id(), SessionStateName.EXPIRED));
    }
}
