package dev.mediacollection.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.client.ApiClient;
import dev.mediacollection.client.ApiException;
import dev.mediacollection.client.ApiResponse;
import dev.mediacollection.client.api.EventsApi;
import dev.mediacollection.client.api.SessionsApi;
import dev.mediacollection.client.model.AdBreakCompleteEvent;
import dev.mediacollection.client.model.AdBreakStartEvent;
import dev.mediacollection.client.model.AdBreakStartParams;
import dev.mediacollection.client.model.AdCompleteEvent;
import dev.mediacollection.client.model.AdStartEvent;
import dev.mediacollection.client.model.AdStartParams;
import dev.mediacollection.client.model.EventPage;
import dev.mediacollection.client.model.MediaEvent;
import dev.mediacollection.client.model.PingEvent;
import dev.mediacollection.client.model.PlayEvent;
import dev.mediacollection.client.model.PlayerTime;
import dev.mediacollection.client.model.Problem;
import dev.mediacollection.client.model.SessionDetail;
import dev.mediacollection.client.model.SessionEndEvent;
import dev.mediacollection.client.model.SessionStart;
import dev.mediacollection.client.model.SessionStartParams;
import dev.mediacollection.client.model.SessionStateName;
import dev.mediacollection.support.ServiceProcess;

/**
 * The Java client OpenAPI Generator makes from the contract (library {@code native}, generated into
 * target/generated-clients/java and compiled by Maven with the tests), driving the packaged service as a player
 * would: a session, a playback with an ad break, each error status, and the session read back.
 */
class JavaClientIT {

    static final long T0 = 1_764_147_600_000L;
    static ServiceProcess service;

    SessionsApi sessions;
    EventsApi events;
    ObjectMapper json;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "java-client-data").toAbsolutePath();
        service = ServiceProcess.start("java-client", Map.of("mc.store.data-dir", data.toString()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        service.close();
    }

    JavaClientIT() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.baseUrl());
        sessions = new SessionsApi(client);
        events = new EventsApi(client);
        json = client.getObjectMapper();
    }

    static SessionStart sessionStart(String mediaId) {
        return new SessionStart()
                .playerTime(new PlayerTime().playhead(0.0).ts(T0))
                .eventType("sessionStart")
                .params(new SessionStartParams()
                        .analyticsTrackingServer("metrics.example.com")
                        .analyticsReportSuite("examplersid")
                        .visitorMarketingCloudOrgId("0123456789ABCDEF01234567@AdobeOrg")
                        .mediaId(mediaId)
                        .mediaLength(60.0)
                        .mediaContentType("vod")
                        .mediaPlayerName("java-client")
                        .mediaChannel("tests"));
    }

    /** The session id, read from the Location header as Adobe's SDKs do. */
    String open(SessionStart start) throws ApiException {
        ApiResponse<Void> created = sessions.createSessionWithHttpInfo(start);
        assertThat(created.getStatusCode()).isEqualTo(201);
        String location = created.getHeaders().get("location").get(0);
        assertThat(location).matches("/api/v1/sessions/[0-9a-f]{64}");
        return location.split("/")[4];
    }

    static PlayerTime at(double playhead, long ms) {
        return new PlayerTime().playhead(playhead).ts(T0 + ms);
    }

    @Test
    void aPlaybackThroughTheGeneratedClient() throws ApiException {
        String session = open(sessionStart("java-client-" + UUID.randomUUID()));

        events.trackEvent(session, new MediaEvent(new AdBreakStartEvent().playerTime(at(0, 1_000))
                .eventType("adBreakStart").params(new AdBreakStartParams().mediaAdPodIndex(0).mediaAdPodSecond(0.0))));
        events.trackEvent(session, new MediaEvent(new AdStartEvent().playerTime(at(0, 1_001)).eventType("adStart")
                .params(new AdStartParams().mediaAdId("ad-1").mediaAdLength(15.0).mediaAdPodPosition(1)
                        .mediaAdPlayerName("java-client"))));
        events.trackEvent(session, new MediaEvent(new AdCompleteEvent().playerTime(at(0, 16_001))
                .eventType("adComplete")));
        events.trackEvent(session, new MediaEvent(new AdBreakCompleteEvent().playerTime(at(0, 16_002))
                .eventType("adBreakComplete")));
        events.trackEvent(session, new MediaEvent(new PlayEvent().playerTime(at(0, 17_000)).eventType("play")));
        events.trackEvent(session, new MediaEvent(new PingEvent().playerTime(at(10, 27_000)).eventType("ping")));
        events.trackEvent(session, new MediaEvent(new SessionEndEvent().playerTime(at(20, 37_000))
                .eventType("sessionEnd")));

        SessionDetail detail = sessions.getSession(session);
        assertThat(detail.getState()).isEqualTo(SessionStateName.CLOSED);
        assertThat(detail.getEventCount()).isEqualTo(7L);
        assertThat(detail.getMetrics().getAdStarts()).isEqualTo(1);
        assertThat(detail.getMetrics().getAdTimeSpent()).isEqualTo(15.0);
        assertThat(detail.getMetrics().getContentTimeSpent()).isEqualTo(20.0);
        EventPage page = events.listEvents(session, "ts", 3, null);
        assertThat(page.getItems()).extracting(event -> event.getEventType())
                .containsExactly("adBreakStart", "adStart", "adComplete");
        assertThat(events.listEvents(session, "ts", 10, page.getNext()).getItems()).hasSize(4);
    }

    @Test
    void aMistakeTheServiceCanKeepIsKeptAndReadBackAsFindings() throws Exception {
        SessionStart start = sessionStart("java-client-" + UUID.randomUUID());
        start.getParams().mediaLength(-1.0);
        start.getPlayerTime().playhead(-2.0);

        SessionDetail detail = sessions.getSession(open(start));

        assertThat(detail.getFindingCount()).isEqualTo(2);
        assertThat(detail.getFindingRules()).containsExactly("minimum");
        assertThat(detail.getStart().getFindings()).extracting(finding -> finding.getPointer())
                .containsExactlyInAnyOrder("/playerTime/playhead", "/params/media.length");
    }

    @Test
    void aRefusedBodyIsA400ProblemNamingEachViolation() throws Exception {
        SessionStart start = sessionStart("java-client-" + UUID.randomUUID());
        start.getParams().mediaLength(-1.0);
        start.playerTime(null);

        ApiException refused = catchThrowableOfType(ApiException.class, () -> sessions.createSession(start));

        assertThat(refused.getCode()).isEqualTo(400);
        Problem problem = json.readValue(refused.getResponseBody(), Problem.class);
        assertThat(problem.getType()).isEqualTo("/problems/schema-violation");
        assertThat(problem.getErrors()).extracting(error -> error.getPointer())
                .containsExactlyInAnyOrder("/playerTime", "/params/media.length");
        assertThat(problem.getErrors()).filteredOn(error -> error.getPointer().equals("/params/media.length"))
                .extracting(error -> error.getRule()).containsExactly("minimum");
    }

    @Test
    void anUnknownSessionIs404AndAnEndedOne410() throws Exception {
        String session = open(sessionStart("java-client-" + UUID.randomUUID()));
        events.trackEvent(session, new MediaEvent(new SessionEndEvent().playerTime(at(0, 1_000))
                .eventType("sessionEnd")));
        MediaEvent ping = new MediaEvent(new PingEvent().playerTime(at(0, 2_000)).eventType("ping"));

        ApiException unknown = catchThrowableOfType(ApiException.class, () -> events.trackEvent("0".repeat(64), ping));
        ApiException closed = catchThrowableOfType(ApiException.class, () -> events.trackEvent(session, ping));

        assertThat(unknown.getCode()).isEqualTo(404);
        assertThat(json.readValue(unknown.getResponseBody(), Problem.class).getType())
                .isEqualTo("/problems/unknown-session");
        assertThat(closed.getCode()).isEqualTo(410);
        assertThat(json.readValue(closed.getResponseBody(), Problem.class).getType())
                .isEqualTo("/problems/session-closed");
    }
}
