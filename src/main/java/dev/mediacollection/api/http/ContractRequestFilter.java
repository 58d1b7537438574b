package dev.mediacollection.api.http;

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
import dev.mediacollection.validation.Contract;
import dev.mediacollection.validation.ValidationReport;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.http.HttpServerRequest;

/**
 * What the contract says about a request before its body: the operation's security requirement (inspection, see
 * {@link InspectionAccess}) and its query parameters, checked against their schemas as bodies are (a parameter that
 * does not convert would otherwise be a 404 in JAX-RS).
 */
public class ContractRequestFilter {

    private final Contract contract;
    private final InspectionAccess access;

    ContractRequestFilter(Contract contract, InspectionAccess access) {
        this.contract = contract;
        this.access = access;
    }

    @ServerRequestFilter
    public Optional<Response> check(SimpleResourceInfo resource, ContainerRequestContext request,
            HttpServerRequest connection) {
        String operationId = resource.getMethodName();
        if (contract.isSecured(operationId)) {
            Optional<ProblemException> refusal = access.refusal(connection.remoteAddress(),
                    request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (refusal.isPresent()) {
                return Optional.of(Problems.builder(Problems.document(refusal.get()))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                        .build());
            }
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

    /** Says at start-up why the inspector may seem closed from another machine. */
    void noteLoopbackOnly(@jakarta.enterprise.event.Observes StartupEvent started,
            @ConfigProperty(name = "quarkus.http.host") String host) {
        boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
        if (!access.hasToken() && !loopback) {
            Log.infof("Inspection (/api/v1/sessions reads, /api/v1/rejections, /inspector) answers only clients on"
                    + " this machine's loopback interface: set mc.inspection.token (MC_INSPECTION_TOKEN) to read"
                    + " it from elsewhere");
        }
    }
}
