package dev.mediacollection.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;

/**
 * Every whole session of the SDK corpus (src/test/resources/sdk-corpus: the realtime sessions, each request arriving
 * at its {@code ts}, and the downloaded batches) breaks only the rules named here, each for the reason given.
 */
class SdkCorpusLintTest {

    private static final Path CORPUS = Path.of("src", "test", "resources", "sdk-corpus");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each session, the rules it breaks, and why it really breaks them. */
    private static final Map<String, List<String>> EXPECTED = Map.ofEntries(
            // Adobe's mobile SDKs stamp every hit of one call with that call's time (chapterStart and play at
            // content start, adStart and play, adBreakComplete and play), which the order page forbids; they get
            // away with it by sending one hit at a time. The corpus composes this session from the hit generator's
            // rules and leaves out the pings the SDK's timer sends between 21 s and 300 s and after the pause, so
            // as stored it has no event for 279 s.
            Map.entry("android/sessions/chapter-midroll-realtime", List.of("equal-ts", "ping-gap")),
            // A receiver app that configured no player name: the library sends "unknown".
            Map.entry("chromecast/sessions/basic-3.0.1", List.of("player-name-placeholder")),
            // sessionStart and play share a ts (one call's hits, as above).
            Map.entry("ios/sessions/custom-states-unconfigured", List.of("equal-ts")),
            // sessionStart, adBreakStart, adStart and play share a ts, and so do adComplete, adBreakComplete, play.
            Map.entry("ios/sessions/preroll-ad-realtime", List.of("equal-ts")),
            // A page that configured no player name: JS 3.x sends "unknown".
            Map.entry("js3/sessions/pause-then-close-3.0.1", List.of("player-name-placeholder")),
            // adStart and the play the rule engine flushes after it share a ts, as do adBreakComplete and its play.
            Map.entry("js3/sessions/vod-preroll-granular-3.1.0", List.of("equal-ts")),
            Map.entry("adobe-docs/downloaded-batch.json", List.of()),
            Map.entry("adobe-docs/downloaded-batch-deprecated-sessions.json", List.of()),
            // The SDK test's hand-written fixture: after adBreakComplete the content goes on (playhead 10 → 45) with
            // no play, which the SDK itself would have sent.
            Map.entry("android/downloaded-ads-test-fixture.json", List.of("no-play-after-ad-break")),
            // The SDKs' tests of the synthetic sessionEnd: play at 0.1 s, then the first ping 65 s later; on iOS at
            // playhead 45 of a 30-second content.
            Map.entry("android/downloaded-synthetic-sessionEnd.json", List.of("ping-gap")),
            Map.entry("ios/downloaded-synthetic-sessionEnd.json", List.of("ping-gap", "playhead-out-of-range")),
            // The file says so: the playhead reaches 60 in a 30-second content.
            Map.entry("ios/downloaded-50s-pings-playhead-beyond-length.json", List.of("playhead-out-of-range")),
            // The SDK test's fixture: pauseStart at 0.1 s, then sessionComplete 80 s later at playhead 60: no ping
            // for 80 s, and the content played 60 s while paused.
            Map.entry("ios/downloaded-offline-test-fixture.json",
                    List.of("ping-gap", "playhead-advances-without-play")));

    private static final SessionLinter LINTER = new SessionLinter(LintSettings.DEFAULTS);

    @Test
    void everyWholeSessionOfTheCorpusIsListed() throws IOException {
        List<String> sessions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            files.forEach(file -> {
                String name = CORPUS.relativize(file).toString().replace('\\', '/');
                if (name.endsWith("/manifest.json")) {
                    sessions.add(name.substring(0, name.length() - "/manifest.json".length()));
                } else if (file.getFileName().toString().startsWith("downloaded")) {
                    sessions.add(name);
                }
            });
        }
        assertThat(sessions).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @TestFactory
    Stream<DynamicTest> eachSessionBreaksOnlyTheRulesItReallyBreaks() {
        return EXPECTED.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> DynamicTest.dynamicTest(entry.getKey(), () -> {
                    LintSession session = entry.getKey().endsWith(".json") ? downloaded(entry.getKey())
                            : realtime(entry.getKey());
                    assertThat(LINTER.lint(session)).extracting(LintFinding::rule)
                            .containsExactlyInAnyOrderElementsOf(entry.getValue());
                }));
    }

    private static LintSession realtime(String folder) throws IOException {
        JsonNode manifest = JSON.readTree(CORPUS.resolve(folder).resolve("manifest.json").toFile());
        List<ReceivedEvent> requests = new ArrayList<>();
        for (JsonNode step : manifest.path("steps")) {
            String body = Files.readString(CORPUS.resolve(folder).resolve(step.path("file").asText()));
            long ts = JSON.readTree(body).path("playerTime").path("ts").asLong();
            requests.add(received(body, Instant.ofEpochMilli(ts)));
        }
        Lifecycle lifecycle = Lifecycle.opened(requests.get(0).receivedAt(), requests.get(0).playhead());
        for (ReceivedEvent event : requests.subList(1, requests.size())) {
            if (lifecycle.state().takesEvents()) {
                lifecycle = lifecycle.after(event);
            }
        }
        return of(requests, lifecycle);
    }

    private static LintSession downloaded(String file) throws IOException {
        JsonNode batch = JSON.readTree(CORPUS.resolve(file).toFile());
        Instant uploaded = Instant.ofEpochMilli(batch.get(0).path("playerTime").path("ts").asLong());
        List<ReceivedEvent> requests = new ArrayList<>();
        batch.forEach(element -> requests.add(received(element.toString(), uploaded)));
        Lifecycle lifecycle = Lifecycle.opened(uploaded, requests.get(0).playhead());
        for (ReceivedEvent event : requests.subList(1, requests.size())) {
            if (lifecycle.state().takesEvents()) {
                lifecycle = lifecycle.after(event);
            }
        }
        return of(requests, lifecycle.closedAsDownloaded(uploaded));
    }

    private static LintSession of(List<ReceivedEvent> requests, Lifecycle lifecycle) {
        List<LintEvent> events = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            events.add(LintEvent.of(i, requests.get(i)));
        }
        return LintSession.of(LintEvent.of(0, requests.get(0)), events, lifecycle.closeCause());
    }

    private static ReceivedEvent received(String body, Instant at) {
        try {
            JsonNode tree = JSON.readTree(body);
            return new ReceivedEvent(EventType.fromWireName(tree.path("eventType").asText()),
                    tree.path("playerTime").path("playhead").asDouble(), tree.path("playerTime").path("ts").asLong(),
                    at, body);
        } catch (IOException e) {
            throw new IllegalArgumentException(body, e);
        }
    }
}
