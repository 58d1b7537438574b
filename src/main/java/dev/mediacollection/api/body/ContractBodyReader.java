package dev.mediacollection.api.body;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.jboss.resteasy.reactive.server.spi.ServerMessageBodyReader;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.validation.Contract;
import dev.mediacollection.validation.Rule;
import dev.mediacollection.validation.RuleViolation;
import dev.mediacollection.validation.ValidationProfile;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads the JSON body of every operation the contract gives one: enforces the size limit, parses, checks the body
 * against the operation's schema in the OpenAPI document (finding every violation at once), and lets the validation
 * profile decide: a violation it refuses makes the request a {@code 400} listing them all; otherwise every violation
 * is kept with the body as a finding. The original bytes are kept, and only then is the generated model bound.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class ContractBodyReader implements ServerMessageBodyReader<Object> {

    private final Contract contract;
    private final JsonBodyParser parser;
    private final ModelBinder binder;
    private final ReceivedBody received;
    private final BodyLimits limits;
    private final ValidationProfile profile;
    private final RoutingContext routing;

    ContractBodyReader(Contract contract, JsonBodyParser parser, ModelBinder binder, ReceivedBody received,
            BodyLimits limits, CollectorConfig config, RoutingContext routing) {
        this.contract = contract;
        this.parser = parser;
        this.binder = binder;
        this.received = received;
        this.limits = limits;
        this.profile = config.validation().profile();
        this.routing = routing;
    }

    @Override
    public boolean isReadable(Class<?> type, Type genericType, ResteasyReactiveResourceInfo method,
            MediaType mediaType) {
        return method != null && contract.requestBody(method.getName()).isPresent();
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, MediaType mediaType, ServerRequestContext context)
            throws IOException {
        // Quarkus REST lets a request without Content-Type (or an empty one, or a range such as */*) reach a JSON
        // method; the strict profile does not (the others have set application/json in ApiHttpFilter by now).
        String contentType = context.getRequestHeaders().getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || contentType.isBlank()) {
            throw ProblemException.unsupportedMediaType(null);
        }
        if (mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
            throw ProblemException.unsupportedMediaType(contentType);
        }
        String operationId = context.getResteasyReactiveResourceInfo().getName();
        Contract.BodySchema schema = contract.requestBody(operationId).orElseThrow();
        ParsedBody body = parser.parse(readLimited(context.getInputStream(), limits.forOperation(schema)));
        long limit = limits.forBody(body.tree());
        if (body.bytes().length > limit) {
            throw ProblemException.payloadTooLarge(limit);
        }
        List<RuleViolation> violations = schema.validate(body.tree()).violations();
        if (profile.refusesAny(violations)) {
            throw ProblemException.schemaViolations(violations);
        }
        List<RuleViolation> findings = withTransport(violations);
        received.accept(body, findings);
        if (body.tree().isArray() && !(genericType instanceof ParameterizedType)) {
            // The deprecated batch form of createSession: the whole batch for the resource, its sessionStart as the
            // operation's parameter.
            List<DownloadedEvent> batch = binder.bindDownloadedSession(body.tree(), violations);
            received.batch(batch);
            return batch.get(0);
        }
        return binder.bind(body.tree(), violations, genericType);
    }

    /** The body's violations, and how it was sent when that was not as JSON (noted by ApiHttpFilter). */
    private List<RuleViolation> withTransport(List<RuleViolation> violations) {
        String sent = SentContentType.noted(routing);
        if (sent == null) {
            return violations;
        }
        List<RuleViolation> findings = new ArrayList<>(violations.size() + 1);
        findings.add(RuleViolation.ofTransport(Rule.CONTENT_TYPE, ProblemException.notJson(sent)));
        findings.addAll(violations);
        return findings;
    }

    private byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (body.length > limit) {
            received.read(Arrays.copyOf(body, (int) limit));
            throw ProblemException.payloadTooLarge(limit);
        }
        received.read(body);
        return body;
    }

    // The JAX-RS entry points: only the server ones above are used by Quarkus REST.
    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return false;
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> httpHeaders, InputStream entityStream) {
        throw new UnsupportedOperationException("Server-side reader only");
    }
}
