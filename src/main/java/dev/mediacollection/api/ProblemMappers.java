package dev.mediacollection.api;

import java.util.UUID;
import java.util.concurrent.CompletionException;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.UnwrapException;

import dev.mediacollection.store.StoreUnavailableException;
import io.quarkus.logging.Log;

/**
 * Turns every failure into an {@code application/problem+json} answer. Client mistakes get a precise problem;
 * anything unexpected gets a generic {@code 500} whose {@code instance} is also in the log, and never a stack
 * trace, class name or internal message.
 */
@UnwrapException(CompletionException.class)
public class ProblemMappers {

    /** How long a client should wait before retrying when the store cannot take data. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException problem) {
        return Problems.response(problem);
    }

    /** Adobe answers {@code 400} for any client mistake, a wrong content type included; so do we. */
    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, HttpHeaders headers) {
        return Problems.response(ProblemException.unsupportedMediaType(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problems.response(new ProblemException(ProblemType.NOT_FOUND,
                "There is no resource at " + uri.getPath() + "."));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, Request request) {
        return Problems.response(new ProblemException(ProblemType.METHOD_NOT_ALLOWED,
                request.getMethod() + " is not supported here."));
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e) {
        Log.warnf("Refused a request: %s", e.getMessage());
        return Problems.builder(Problems.document(new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "The request could not be stored right now; nothing was kept. Retry later.")))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .build();
    }

    /** Framework-level client errors not mapped above keep their status and speak problem+json. */
    @ServerExceptionMapper
    public Response clientError(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e);
        }
        return Problems.builder(Problems.plainStatus(status, status.getReasonPhrase() + ".")).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        String incident = UUID.randomUUID().toString();
        Log.errorf(failure, "Unexpected failure, incident %s", incident);
        ProblemException problem = new ProblemException(ProblemType.INTERNAL_ERROR,
                "The request could not be processed. Quote the instance when reporting this.");
        return Problems.builder(Problems.document(problem).instance("urn:uuid:" + incident)).build();
    }
}
