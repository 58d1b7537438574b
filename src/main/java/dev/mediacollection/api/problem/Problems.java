package dev.mediacollection.api.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import dev.mediacollection.generated.model.Problem;
import dev.mediacollection.generated.model.Violation;
import dev.mediacollection.validation.RuleViolation;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response.ResponseBuilder builder(Problem document) {
        return Response.status(document.getStatus()).type(MEDIA_TYPE).entity(document);
    }

    public static Problem document(ProblemException problem) {
        ProblemType type = problem.type();
        Problem document = new Problem()
                .type(type.uri())
                .title(type.title())
                .status(type.status())
                .detail(problem.getMessage());
        List<RuleViolation> violations = problem.violations();
        document.setErrors(violations.isEmpty() ? null : violations.stream()
                .map(violation -> new Violation().rule(violation.rule().id()).pointer(violation.pointer())
                        .parameter(violation.parameter()).detail(violation.detail()))
                .toList());
        return document;
    }

    /** RFC 9457 §4.2: a status with no more specific type is {@code about:blank}, titled by its reason phrase. */
    public static Problem plainStatus(Response.StatusType status, String detail) {
        return new Problem()
                .type("about:blank")
                .title(status.getReasonPhrase())
                .status(status.getStatusCode())
                .detail(detail);
    }
}
