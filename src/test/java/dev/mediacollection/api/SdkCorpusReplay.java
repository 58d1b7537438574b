package dev.mediacollection.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.session.StoredEvent;
import dev.mediacollection.session.StoredSession;
import dev.mediacollection.store.SessionStore;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import dev.mediacollection.validation.ValidationProfile;

/**
 * Every body of the SDK corpus (src/test/resources/sdk-corpus, index.json), sent as its SDK sends it, and every
 * session replayed in its sending order: the bodies the profile refuses get a {@code 400}, every other one is kept,
 * and what is kept is the body byte for byte as sent. One subclass per profile, each naming what it refuses.
 */
abstract class SdkCorpusReplay {

    static final Path CORPUS = Path.of("src", "test", "resources", "sdk-corpus");
    private static final String NO_CONTENT_TYPE = "none";
    private static final String BROWSER_TEXT = "text/plain;charset=UTF-8";
    /** Where standalone events go: a session opened with Adobe's quick-start sample, which every profile keeps. */
    private static final String OPENING_BODY = "adobe-docs/quick-start-sessionStart.json";

    /** One body of the corpus, as index.json lists it. */
    record Body(String file, String endpoint, String contentType) {

        boolean sentWithoutContentType() {
            return contentType.startsWith(NO_CONTENT_TYPE);
        }

        boolean inSession() {
            return file.contains("/sessions/");
        }
    }

    @Inject
    SessionStore store;

    /** The profile the service runs with. */
    abstract ValidationProfile profile();

    /** The files this profile refuses: standalone bodies, and the sessionStart of each session it refuses. */
    abstract Set<String> refused();

    @Test
    void theCorpusIsWhatItsIndexSays() {
        List<Body> bodies = bodies();

        assertThat(bodies).hasSize(171);
        assertThat(bodies).allSatisfy(body -> assertThat(CORPUS.resolve(body.file())).isRegularFile());
        assertThat(refused()).allSatisfy(file -> assertThat(bodies).extracting(Body::file).contains(file));
    }

    @TestFactory
    Stream<DynamicTest> everyBodyIsRefusedOrKeptByteForByte() {
        return bodies().stream().filter(body -> !body.inSession()).flatMap(body -> {
            List<DynamicTest> tests = new ArrayList<>();
            if (body.sentWithoutContentType()) {
                tests.add(DynamicTest.dynamicTest(body.file() + " [" + BROWSER_TEXT + "]",
                        () -> sendAlone(body, BROWSER_TEXT)));
                tests.add(DynamicTest.dynamicTest(body.file() + " [no Content-Type]",
                        () -> sendAlone(body, null)));
            } else {
                tests.add(DynamicTest.dynamicTest(body.file(), () -> sendAlone(body, "application/json")));
            }
            return tests.stream();
        });
    }

    @TestFactory
    Stream<DynamicTest> everySessionIsReplayedInItsSendingOrder() {
        Set<String> sessions = new TreeSet<>();
        bodies().stream().filter(Body::inSession)
                .forEach(body -> sessions.add(body.file().substring(0, body.file().lastIndexOf('/'))));
        return sessions.stream().map(folder -> DynamicTest.dynamicTest(folder, () -> replay(folder)));
    }

    // --- sending ---------------------------------------------------------------------------------------------------

    private void sendAlone(Body body, String contentType) throws Exception {
        byte[] bytes = Files.readAllBytes(CORPUS.resolve(body.file()));
        boolean refused = refused().contains(body.file());
        if (body.endpoint().contains("/events")) {
            String session = open(Files.readAllBytes(CORPUS.resolve(OPENING_BODY)), "application/json");
            int status = Api.post(Api.eventsPath(session), bytes, contentType).statusCode();
            assertThat(status).as(body.file()).isEqualTo(refused ? 400 : 204);
            if (!refused) {
                assertThat(storedEvents(session)).extracting(stored -> stored.event().body())
                        .containsExactly(new String(bytes, StandardCharsets.UTF_8));
            }
            return;
        }
        String path = body.endpoint().contains("/downloaded") ? Api.DOWNLOADED : Api.SESSIONS;
        HttpResponse<String> answer = Api.post(path, bytes, contentType);
        assertThat(answer.statusCode()).as("%s: %s", body.file(), answer.body()).isEqualTo(refused ? 400 : 201);
        if (!refused) {
            String id = Api.idOf(answer.headers().firstValue("Location").orElseThrow());
            assertKeptAsSent(id, bytes);
            assertThat(ValidationProfileCases.startFindings(id).stream()
                    .anyMatch(finding -> finding.rule().equals("content-type")))
                    .as("a content-type finding").isEqualTo(!"application/json".equals(contentType));
        }
    }

    private void replay(String folder) throws Exception {
        JsonNode manifest = Spec.JSON.readTree(CORPUS.resolve(folder).resolve("manifest.json").toFile());
        String contentType = manifest.path("contentType").asText().startsWith(NO_CONTENT_TYPE)
                ? BROWSER_TEXT : "application/json";
        String session = null;
        List<String> sent = new ArrayList<>();
        for (JsonNode step : manifest.path("steps")) {
            String file = folder + "/" + step.path("file").asText();
            byte[] bytes = Files.readAllBytes(CORPUS.resolve(file));
            if (session == null) {
                HttpResponse<String> answer = Api.post(Api.SESSIONS, bytes, contentType);
                if (refused().contains(file)) {
                    assertThat(answer.statusCode()).as("%s: %s", file, answer.body()).isEqualTo(400);
                    // No SDK sends a session's events once its sessionStart was refused.
                    return;
                }
                assertThat(answer.statusCode()).as("%s: %s", file, answer.body()).isEqualTo(201);
                session = Api.idOf(answer.headers().firstValue("Location").orElseThrow());
                assertKeptAsSent(session, bytes);
            } else {
                assertThat(Api.post(Api.eventsPath(session), bytes, contentType).statusCode()).as(file).isEqualTo(204);
                sent.add(new String(bytes, StandardCharsets.UTF_8));
            }
        }
        assertThat(refused()).as("a refused session of %s", folder).noneMatch(file -> file.startsWith(folder + "/"));
        assertThat(storedEvents(session)).extracting(stored -> stored.event().body()).containsExactlyElementsOf(sent);
    }

    private String open(byte[] body, String contentType) throws Exception {
        HttpResponse<String> answer = Api.post(Api.SESSIONS, body, contentType);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return Api.idOf(answer.headers().firstValue("Location").orElseThrow());
    }

    // --- what was kept ---------------------------------------------------------------------------------------------

    /**
     * The stored sessionStart is the body as sent; for a batch, each element is kept as it appears in the batch,
     * in order. The read-back shows the same JSON.
     */
    private void assertKeptAsSent(String id, byte[] sent) throws Exception {
        String text = new String(sent, StandardCharsets.UTF_8);
        StoredSession stored = store.find(id).toCompletableFuture().get().orElseThrow();
        JsonNode tree = Spec.JSON.readTree(text);
        if (!tree.isArray()) {
            assertThat(stored.session().start().body()).isEqualTo(text);
            assertThat(Spec.JSON.readTree(ValidationProfileCases.detail(id).asString()).path("start").path("body"))
                    .isEqualTo(tree);
            return;
        }
        List<String> elements = new ArrayList<>();
        elements.add(stored.session().start().body());
        storedEvents(id).forEach(event -> elements.add(event.event().body()));
        assertThat(elements).hasSize(tree.size());
        int from = 0;
        for (int i = 0; i < elements.size(); i++) {
            int at = text.indexOf(elements.get(i), from);
            assertThat(at).as("element %d kept as it appears in the batch", i).isGreaterThanOrEqualTo(from);
            assertThat(Spec.JSON.readTree(elements.get(i))).isEqualTo(tree.get(i));
            from = at + elements.get(i).length();
        }
    }

    private List<StoredEvent> storedEvents(String session) throws InterruptedException, ExecutionException {
        return store.events(session).toCompletableFuture().get();
    }

    static List<Body> bodies() {
        try {
            List<Body> bodies = new ArrayList<>();
            for (JsonNode body : Spec.JSON.readTree(CORPUS.resolve("index.json").toFile()).path("bodies")) {
                bodies.add(new Body(body.path("file").asText(), body.path("endpoint").asText(),
                        body.path("contentType").asText()));
            }
            return bodies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
