package dev.mediacollection.api.http;

import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.UnwrapException;

import dev.mediacollection.api.body.ReceivedBody;
import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.api.problem.Problems;
import dev.mediacollection.api.rejection.RejectionLog;
import dev.mediacollection.generated.model.Problem;
import dev.mediacollection.store.StoreUnavailableException;
import io.quarkus.logging.Log;

/**
 * Turns every failure into an {@code application/problem+json} answer. Client mistakes get a precise problem, and
 * on the collection endpoints they are kept in the {@link RejectionLog}; anything unexpected gets a generic
 * {@code 500} whose {@code instance} is also in the log, and never a stack trace, class name or internal message.
 */
@UnwrapException(CompletionException.class)
public class ProblemMappers {

    /** How long a client should wait before retrying when the store cannot take data. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final RejectionLog rejections;
    private final ReceivedBody received;

    ProblemMappers(RejectionLog rejections, ReceivedBody received) {
        this.rejections = rejections;
        this.received = received;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException problem, ContainerRequestContext request) {
        return rejected(Problems.document(problem), request);
    }

    /** Adobe answers {@code 400} for any client mistake, a wrong content type included; so do we. */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, ContainerRequestContext request) {
        return problem(ProblemException.unsupportedMediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE)),
                request);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        return problem(new ProblemException(ProblemType.NOT_FOUND,
                "There is no resource at " + request.getUriInfo().getPath() + "."), request);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        return problem(new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
                request.getMethod() + " is not supported here."), request);
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        // Not a warning per request: a burst would flood the log. Each refusal is counted (status 503 in
        // mc_requests), and a database failure is logged once per failed group where it happens (GroupCommit).
        Log.debugf("Refused a request: %s", e.getMessage());
        return Problems.builder(Problems.document(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The request could not be stored right now; nothing was kept. Retry later.")))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    /** Framework-level client errors not mapped above keep their status and speak problem+json. */
    @ServerExceptionMapper
    public Response clientError(WebApplicationException e, ContainerRequestContext request) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        return rejected(Problems.plainStatus(status, status.getReasonPhrase() + "."), request);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(failure, "Unexpected failure, incident %s", incident);
        ProblemException problem = new ProblemException(ProblemType.INTERNAL_ERROR,
                "The request could not be processed. Quote the instance when reporting this.");
        return Problems.builder(Problems.document(problem).instance("urn:uuid:" + incident)).build();
    }

    /** Players send; inspectors read: only what players sent is worth keeping when it is refused. */
    private Response rejected(Problem problem, ContainerRequestContext request) {
        if (!"GET".equals(request.getMethod()) && !"OPTIONS".equals(request.getMethod())) {
            rejections.record(request.getMethod(), request.getUriInfo().getPath(), received.asRead().orElse(null),
                    problem);
        }
        return Problems.builder(problem).build();
    }
}
