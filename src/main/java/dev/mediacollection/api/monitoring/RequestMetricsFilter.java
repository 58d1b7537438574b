package dev.mediacollection.api.monitoring;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mediacollection.session.EventType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Reports every HTTP request, once, when its response ends: which operation, which status, which event type, how
 * long. It runs first, so that answers given before routing (a {@code 413} from {@code ApiHttpFilter}) count too.
 */
@ApplicationScoped
public class RequestMetricsFilter {

    /** Where the events resource leaves the validated event type of the request it served. */
    public static final String EVENT_TYPE = "mc.eventType";

    // Before AdmissionFilter (200), so that shed requests are counted, and ApiHttpFilter (100): Quarkus runs
    // filters of higher priority first.
    private static final int PRIORITY = 300;

    private final RequestObserver observer;

    RequestMetricsFilter(RequestObserver observer) {
        this.observer = observer;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        long arrived = System.nanoTime();
        context.addEndHandler(ended -> observer.answered(
                ApiOperation.of(context.request().method(), context.normalizedPath()),
                context.response().getStatusCode(), context.<EventType>get(EVENT_TYPE),
                System.nanoTime() - arrived));
        context.next();
    }
}
