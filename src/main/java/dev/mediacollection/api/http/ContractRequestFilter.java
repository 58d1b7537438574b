package dev.mediacollection.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;
import dev.mediacollection.api.problem.Problems;
import dev.mediacollection.config.CollectorConfig;
import dev.mediacollection.validation.Contract;
import dev.mediacollection.validation.ValidationReport;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * What the contract says about a request before its body: the operation's security requirement (the inspection
 * token) and its query parameters, checked against their schemas as bodies are (a parameter that does not convert
 * would otherwise be a 404 in JAX-RS).
 */
public class ContractRequestFilter {

    private static final String BEARER = "Bearer ";

    private final Contract contract;
    private final Optional<byte[]> token;

    ContractRequestFilter(Contract contract, CollectorConfig config) {
        this.contract = contract;
        this.token = config.inspection().token().filter(value -> !value.isBlank())
                .map(value -> value.getBytes(StandardCharsets.UTF_8));
    }

    @ServerRequestFilter
    public Optional<Response> check(SimpleResourceInfo resource, ContainerRequestContext request) {
        String operationId = resource.getMethodName();
        if (contract.isSecured(operationId) && !authorized(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            return Optional.of(Problems.builder(Problems.document(new ProblemException(ProblemType.UNAUTHORIZED,
                    "Send the inspection token as Authorization: Bearer <token>.")))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build());
        }
        contract.queryParameters(operationId).ifPresent(query -> {
            ValidationReport report = query.validate(request.getUriInfo().getQueryParameters());
            if (!report.valid()) {
                int count = report.violations().size();
                throw new ProblemException(ProblemType.INVALID_PARAMETERS,
                        "The query has " + count + (count == 1 ? " error." : " errors."), report.violations());
            }
        });
        return Optional.empty();
    }

    private boolean authorized(String authorization) {
        if (token.isEmpty()) {
            return true;
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return false;
        }
        // Constant time: how long a comparison takes must not tell how much of a guess was right.
        return MessageDigest.isEqual(token.get(),
                authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8));
    }

    /** Viewer data open to anyone who can reach the port is worth a warning. */
    void warnIfOpen(@jakarta.enterprise.event.Observes StartupEvent started,
            @ConfigProperty(name = "quarkus.http.host") String host) {
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        if (token.isEmpty() && !loopback) {
            Log.warnf("The inspection endpoints (/api/v1/sessions reads, /api/v1/rejections, /inspector) serve viewer"
                    + " data to anyone who can reach %s: set mc.inspection.token (MC_INSPECTION_TOKEN)", host);
        }
    }
}
