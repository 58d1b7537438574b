package dev.mediacollection.bench.floor;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.mediacollection.generated.model.Problem;
import dev.mediacollection.generated.model.Violation;

/**
 * The answers of the collection operations, as the service and the raw Vert.x baseline give them: {@code 201} with
 * an empty octet-stream and the new session's relative {@code Location}, {@code 204} for an event, a
 * problem document for a refusal, and Adobe's four CORS headers on each.
 */
final class Answers {

    static final String SESSIONS_PATH = "/api/v1/sessions/";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final HexFormat HEX = HexFormat.of();
    // The service's generator (SessionIds): a DRBG per thread.
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Answers::newGenerator);

    private Answers() {
    }

    private static CompletionStage<Response> created() {
        return CompletableFuture.completedFuture(withCors(Response.status(Response.Status.CREATED)
                .type(MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header(HttpHeaders.CONTENT_LENGTH, 0)
                .header(HttpHeaders.LOCATION, SESSIONS_PATH + newSessionId())));
    }

    private static CompletionStage<Response> tracked() {
        return CompletableFuture.completedFuture(withCors(Response.noContent()));
    }

    /** {@code 201} for a body that has every required member, else {@code 400} naming the one it lacks. */
    static CompletionStage<Response> createdUnless(Violation missing) {
        return missing == null ? created() : CompletableFuture.completedFuture(refused(missing));
    }

    /** {@code 204} for a body that has every required member, else {@code 400} naming the one it lacks. */
    static CompletionStage<Response> trackedUnless(Violation missing) {
        return missing == null ? tracked() : CompletableFuture.completedFuture(refused(missing));
    }

    static Response refused(Violation violation) {
        return withCors(Response.status(Response.Status.BAD_REQUEST).type(PROBLEM_JSON).entity(new Problem()
                .type("/problems/schema-violation")
                .title("Request body does not match the schema")
                .status(400)
                .detail("The request body has 1 error.")
                .addErrorsItem(violation)));
    }

    /** {@code 400}: the body is not JSON, or not JSON the generated model can hold. */
    static Response malformed(String detail) {
        return withCors(Response.status(Response.Status.BAD_REQUEST).type(PROBLEM_JSON).entity(new Problem()
                .type("/problems/malformed-json")
                .title("Malformed JSON")
                .status(400)
                .detail(detail)));
    }

    private static Response withCors(Response.ResponseBuilder response) {
        return response.header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "OPTIONS,POST,PUT")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Expose-Headers", "Location")
                .build();
    }

    private static String newSessionId() {
        byte[] bytes = new byte[32];
        RANDOM.get().nextBytes(bytes);
        return HEX.formatHex(bytes);
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }
}
