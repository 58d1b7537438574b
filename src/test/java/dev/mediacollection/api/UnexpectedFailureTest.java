package dev.mediacollection.api;

import static dev.mediacollection.api.ApiAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mediacollection.api.http.ProblemMappers;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.LogCapture;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A failure nobody planned for is a {@code 500} problem with a generic detail and an incident id that is also in
 * the log; the client never sees the internal message. The store here fails on purpose: no real store path is
 * meant to throw, which is exactly why the handling needs proving.
 */
@QuarkusTest
class UnexpectedFailureTest {

    static final String INTERNAL_MESSAGE = "disk controller on fire at com.example.Secret";

    @BeforeEach
    void breakTheStore() {
        QuarkusMock.installMockForType(brokenStore(), SessionStore.class);
    }

    @Test
    void failureIsAGeneric500WithAnIncidentIdThatIsLogged() {
        try (LogCapture log = LogCapture.of(ProblemMappers.class)) {
            Response response = given().filter(Spec.conforming())
                    .contentType(ContentType.JSON).body(Spec.example("SessionStartSample").toString())
                    .when().post("/api/v1/sessions");

            assertProblem(response, 500, "/problems/internal-error");
            String instance = response.jsonPath().getString("instance");
            assertThat(instance).matches("urn:uuid:[0-9a-f-]{36}");
            assertThat(response.asString()).doesNotContain("fire", "Secret");
            assertThat(log.messages()).anySatisfy(message -> assertThat(message)
                    .contains(instance.substring("urn:uuid:".length()))
                    .contains(INTERNAL_MESSAGE));
        }
    }

    /** A store whose every operation fails as nothing in the product is meant to. */
    static SessionStore brokenStore() {
        return (SessionStore) Proxy.newProxyInstance(SessionStore.class.getClassLoader(),
                new Class<?>[] { SessionStore.class },
                (proxy, method, args) -> CompletableFuture.failedFuture(new IllegalStateException(INTERNAL_MESSAGE)));
    }
}
