package dev.mediacollection.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.core.http.HttpMethod;

/** Request metrics name the contract's operations, and put every other request under one name. */
class ApiOperationTest {

    @ParameterizedTest
    @CsvSource({
            "POST,    /api/v1/sessions,                 createSession",
            "GET,     /api/v1/sessions,                 listSessions",
            "OPTIONS, /api/v1/sessions,                 preflightSessions",
            "GET,     /api/v1/sessions/abc,             getSession",
            "POST,    /api/v1/sessions/abc/events,      trackEvent",
            "GET,     /api/v1/sessions/abc/events,      listEvents",
            "OPTIONS, /api/v1/sessions/abc/events,      preflightEvents",
            "POST,    /api/v1/downloaded,               uploadDownloadedSession",
            "OPTIONS, /api/v1/downloaded,               preflightDownloaded",
            "GET,     /api/v1/schemas/play,             getEventSchema",
            "GET,     /api/v1/rejections,               listRejections",
            "GET,     /api/v1/reports,                  getReport",
    })
    void theContractsOperationsAreNamedByTheirOperationId(String method, String path, String operationId) {
        assertThat(ApiOperation.of(HttpMethod.valueOf(method), path).operationId()).isEqualTo(operationId);
    }

    @ParameterizedTest
    @CsvSource({
            "PUT,    /api/v1/sessions",
            "DELETE, /api/v1/sessions/abc",
            "POST,   /api/v1/sessions/",
            "GET,    /api/v1/sessions//events",
            "POST,   /api/v1/sessions/abc/events/more",
            "POST,   /api/v1/sessions/abc/eventsX",
            "POST,   /api/v1/sessionsX",
            "GET,    /api/v1/schemas/",
            "GET,    /api/v1/schemas/a/b",
            "GET,    /api/v1/downloaded",
            "GET,    /api/v1/rejections/x",
            "POST,   /api/v1/reports",
            "GET,    /api/v1/reports/day",
            "GET,    /api/v2/sessions",
            "GET,    /q/metrics",
            "GET,    /",
    })
    void anythingElseIsOther(String method, String path) {
        assertThat(ApiOperation.of(HttpMethod.valueOf(method), path)).isEqualTo(ApiOperation.OTHER);
    }
}
