package dev.mediacollection.api.body;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

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
import dev.mediacollection.validation.Contract;
import dev.mediacollection.validation.ValidationReport;
import io.quarkus.logging.Log;

/**
 * Reads the JSON body of every operation the contract gives one: enforces the size limit, parses, checks the body
 * against the operation's schema in the OpenAPI document (reporting every violation at once), keeps the original
 * bytes, and only then binds the generated model.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class ContractBodyReader implements ServerMessageBodyReader<Object> {

    private final Contract contract;
    private final JsonBodyParser parser;
    private final ModelBinder binder;
    private final ReceivedBody received;
    private final BodyLimits limits;
    private final CollectorConfig config;

    ContractBodyReader(Contract contract, JsonBodyParser parser, ModelBinder binder, ReceivedBody received,
            BodyLimits limits, CollectorConfig config) {
        this.contract = contract;
        this.parser = parser;
        this.binder = binder;
        this.received = received;
        this.limits = limits;
        this.config = config;
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
        // method; Adobe's contract does not.
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
        ValidationReport report = schema.validate(body.tree(), config.validation().unknownKeys());
        if (!report.valid()) {
            throw ProblemException.schemaViolations(report.violations());
        }
        if (!report.acceptedUnknownKeys().isEmpty()) {
            Log.infof("%s: kept unknown keys %s", operationId, report.acceptedUnknownKeys());
        }
        received.set(body);
        // The deprecated batch form of createSession binds its first element, the sessionStart.
        boolean firstOfBatch = body.tree().isArray() && !(genericType instanceof ParameterizedType);
        return binder.bind(firstOfBatch ? body.tree().get(0) : body.tree(), genericType);
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
