package dev.mediacollection.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Spec;

/**
 * The metrics as the contract and docs/metrics.md describe them: the read-back converts {@link MediaMetrics} into the
 * contract's {@code Metrics} through Jackson, which drops a field the contract lacks without a word.
 */
class MediaMetricsContractTest {

    private static final String ADOBE_METRIC_PAGES =
            "https://github.com/AdobeDocs/media-analytics.en/blob/main/help/reporting/metrics/";
    private static final JsonNode METRICS = Spec.document().at("/components/schemas/Metrics");

    /** A session that reports every value that can be absent. */
    private static MediaMetrics everyValueReported() {
        return Timeline.of(600)
                .at(0, "play", 0, "\"qoeData\":{\"media.qoe.timeToStart\":800,\"media.qoe.bitrate\":2000000,"
                        + "\"media.qoe.droppedFrames\":3}")
                .at(1_000, "stateStart", 1, "\"params\":{\"media.state.name\":\"mute\"}")
                .at(10_000, "ping", 10)
                .metrics();
    }

    @Test
    void theJsonHasExactlyTheFieldsOfTheContract() {
        JsonNode json = Spec.JSON.valueToTree(everyValueReported());

        assertThat(names(json)).containsExactlyElementsOf(names(METRICS.get("properties")));
        assertThat(names(json.at("/states/mute")))
                .containsExactlyElementsOf(names(Spec.document().at("/components/schemas/StateMetrics/properties")));
    }

    @Test
    void exactlyTheReportedValuesMayBeAbsent() {
        JsonNode json = Spec.JSON.valueToTree(Timeline.of(0).metrics());
        List<String> present = new ArrayList<>();
        json.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                present.add(field.getKey());
            }
        });

        assertThat(present).containsExactlyElementsOf(names(METRICS.get("required")));
    }

    @Test
    void itReadsBackAsItWasWrittenSoItCanBeStoredAsIs() throws IOException {
        MediaMetrics metrics = everyValueReported();

        assertThat(Spec.JSON.readValue(Spec.JSON.writeValueAsString(metrics), MediaMetrics.class)).isEqualTo(metrics);
    }

    @Test
    void eachFieldIsNamedAfterItsAdobePageAndDescribed() {
        METRICS.get("properties").fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode property = field.getValue();
            assertThat(property.path("description").asText()).as(name).isNotBlank();
            if (name.equals("final") || name.equals("computedUpTo") || name.equals("states")) {
                return;
            }
            String page = property.at("/externalDocs/url").asText();
            assertThat(page).as(name).startsWith(ADOBE_METRIC_PAGES);
            String slug = page.substring(ADOBE_METRIC_PAGES.length()).replaceFirst("\\.md(#.*)?$", "");
            String anchor = page.contains("#") ? page.substring(page.indexOf('#') + 1) : slug;
            assertThat(name).as(page).isEqualTo(camelCase(anchor));
            assertThat(property.path("description").asText()).as(name).contains("Adobe: ");
        });
    }

    @Test
    void docsMetricsHasARowForEveryField() throws IOException {
        String table = Files.readString(Path.of("docs", "metrics.md"));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)`").matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }

        assertThat(documented).containsAll(names(METRICS.get("properties")));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(name -> names.add(name.asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static String camelCase(String slug) {
        StringBuilder name = new StringBuilder();
        for (String word : slug.split("-")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
