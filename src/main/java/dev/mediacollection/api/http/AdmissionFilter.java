package dev.mediacollection.api.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.api.ApiPaths;
import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.api.problem.Problems;
import dev.mediacollection.config.CollectorConfig;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Sheds load instead of queueing it: at most {@code mc.limits.max-in-flight} collection requests (POSTs under
 * {@code /api/v1}) are handled at once. One more is answered {@code 503} with {@code Retry-After} before its body is
 * read, so an overloaded service answers fast, holds no more bodies in memory, and recovers as soon as the burst
 * passes.
 *
 * <p>On SIGTERM it goes on taking collection requests while they keep coming, for at most
 * {@code mc.limits.shutdown-grace} ({@link ShutdownGrace}), then answers every new one {@code 503} the same way, and
 * Quarkus' drain waits for those admitted before. Quarkus alone would go on handling new requests until its drain
 * finds none in flight, and then close the HTTP server under whatever arrived meanwhile: such a request could be
 * stored without its answer ever leaving, and a client or relay that retries would send it twice.
 */
@ApplicationScoped
class AdmissionFilter {

    // Before every filter but the request metrics (which count what it sheds): a refusal should cost little.
    private static final int PRIORITY = 200;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final int limit;
    private final String overloaded;
    private final String stopping;
    private final Duration longestGrace;
    private final ShutdownGrace shutdownGrace = ShutdownGrace.system();
    private volatile boolean stopped;

    AdmissionFilter(CollectorConfig config, ObjectMapper mapper) throws JsonProcessingException {
        this.limit = config.limits().maxInFlight();
        this.longestGrace = config.limits().shutdownGrace();
        this.overloaded = refusal(mapper, "The service is handling as many requests as it can (" + limit
                + "); nothing was kept. Retry after Retry-After seconds.");
        this.stopping = refusal(mapper, "The service is stopping; nothing was kept. Retry after Retry-After seconds.");
    }

    private static String refusal(ObjectMapper mapper, String detail) throws JsonProcessingException {
        return mapper.writeValueAsString(Problems.document(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                detail)));
    }

    void register(@Observes Filters filters) {
        filters.register(this::admit, PRIORITY);
    }

    /**
     * Fired on SIGTERM before Quarkus' drain ({@code quarkus.shutdown.delay-enabled}, a build-time setting), once the
     * readiness check reports the service down.
     */
    void stopTaking(@Observes ShutdownDelayInitiatedEvent shutdown) throws InterruptedException {
        shutdownGrace.await(longestGrace);
        stopped = true;
    }

    private void admit(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.POST || !request.path().startsWith(ApiPaths.PREFIX)) {
            context.next();
            return;
        }
        if (stopped) {
            shed(context, stopping);
            return;
        }
        if (inFlight.incrementAndGet() > limit) {
            inFlight.decrementAndGet();
            shed(context, overloaded);
            return;
        }
        shutdownGrace.requested();
        // Called once the response is sent or the connection is lost, whichever comes first.
        context.addEndHandler(ignored -> inFlight.decrementAndGet());
        context.next();
    }

    /** The body is never read: the connection closes after the answer, as for a body over the size limit. */
    private void shed(RoutingContext context, String refusal) {
        context.addHeadersEndHandler(ignored -> ApiHttpFilter.arrangeHeaders(context.response().headers()));
        context.response().setStatusCode(ProblemType.SERVICE_UNAVAILABLE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ProblemMappers.RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(refusal);
    }
}
