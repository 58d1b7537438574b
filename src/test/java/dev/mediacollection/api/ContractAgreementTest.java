package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * One source of truth: a corpus of valid and invalid bodies, for every event type and every rule, is judged by an
 * independent JSON Schema validator against the contract's own schemas, reduced to the rules the validation profile
 * refuses (as the contract's {@code x-refused-by} says, read here on its own), then sent to the server. The server
 * must accept exactly the bodies the reduced schema accepts. This class runs the default profile, its subclasses the
 * others.
 */
@QuarkusTest
class ContractAgreementTest {

    static final long TS = 1_509_045_325_153L;

    /** A body, where it goes, and what it tests. */
    record Sample(String name, String path, JsonNode body) {
    }

    private static final Map<ValidationProfile, Map<String, Schema>> SCHEMAS = new EnumMap<>(ValidationProfile.class);

    /** The profile the service runs with. */
    ValidationProfile profile() {
        return ValidationProfile.LENIENT;
    }

    @Test
    void theCorpusCoversEveryEventTypeBothWays() {
        List<Sample> corpus = corpus();

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        for (String eventType : Spec.eventSchemas().keySet()) {
            List<Sample> ofType = corpus.stream().filter(sample -> sample.name().startsWith(eventType + ":")).toList();
            assertThat(ofType).as(eventType)
                    .anyMatch(sample -> schemaAccepts(sample, ValidationProfile.STRICT))
                    .anyMatch(sample -> !schemaAccepts(sample, ValidationProfile.STRICT))
                    .anyMatch(sample -> !schemaAccepts(sample, ValidationProfile.LENIENT));
        }
    }

    @TestFactory
    Stream<DynamicTest> theServerAcceptsExactlyWhatTheSchemaAccepts() {
        return corpus().stream().map(sample -> DynamicTest.dynamicTest(sample.name(), () -> {
            String path = sample.path().equals("events") ? Api.eventsPath(Api.openSession()) : sample.path();
            int status = given().contentType(ContentType.JSON).body(sample.body().toString())
                    .when().post(path).statusCode();
            boolean accepts = schemaAccepts(sample, profile());

            assertThat(status >= 200 && status < 300)
                    .as("%s: schema says %s under %s, server answered %d for %s", sample.name(),
                            accepts ? "valid" : "invalid", profile(), status, sample.body())
                    .isEqualTo(accepts);
        }));
    }

    // --- the independent judgement -------------------------------------------------------------------------------

    /**
     * The operation's body schema; for POST /api/v1/sessions also the form the contract says it takes beyond it
     * ({@code x-also-accepts}: a downloaded session as an array).
     */
    static boolean schemaAccepts(Sample sample, ValidationProfile profile) {
        String name = switch (sample.path()) {
            case Api.SESSIONS -> sample.body().isArray() ? "DownloadedSession" : "SessionStart";
            case Api.DOWNLOADED -> "DownloadedSession";
            default -> "MediaEvent";
        };
        Schema schema = SCHEMAS.computeIfAbsent(profile, ignored -> new HashMap<>())
                .computeIfAbsent(name, ignored -> schema(name, profile));
        return schema.validate(sample.body().toString(), InputFormat.JSON).isEmpty() && bodyRulesHold(sample, profile);
    }

    /**
     * The contract's x-body-rules, implemented here on their own from their description in the spec, as far as the
     * profile refuses them (the operations' {@code x-refused-by}).
     */
    static boolean bodyRulesHold(Sample sample, ValidationProfile profile) {
        JsonNode body = sample.body();
        boolean flagRefuses = sample.path().equals(Api.SESSIONS) && profile != ValidationProfile.LENIENT;
        boolean orderRefuses = profile == ValidationProfile.STRICT;
        if (body.isObject()) {
            return !(flagRefuses && body.at("/params/media.downloaded").asBoolean(false));
        }
        if (flagRefuses && !body.at("/0/params/media.downloaded").asBoolean(false)) {
            return false;
        }
        boolean ended = false;
        for (int i = 0; i < body.size(); i++) {
            boolean start = "sessionStart".equals(body.get(i).path("eventType").asText());
            if (i == 0 && !start || orderRefuses && (ended || i > 0 && start)) {
                return false;
            }
            ended = ended || "sessionEnd".equals(body.get(i).path("eventType").asText());
        }
        return true;
    }

    /**
     * The contract's schema as a JSON Schema draft-04 document, with only the keywords the profile refuses.
     * OpenAPI 3.0 schema objects are draft-04 keywords, but for the one extension the contract uses,
     * {@code x-propertyNames}, which draft-04 says as {@code patternProperties}.
     */
    static Schema schema(String name, ValidationProfile profile) {
        ObjectNode document = Spec.JSON.createObjectNode();
        document.put("$ref", "#/components/schemas/" + name);
        JsonNode schemas = Spec.document().get("components").get("schemas").deepCopy();
        schemas.forEach(schema -> ProfileSchema.reduce(schema, Map.of(), profile));
        keyPatternsAsPatternProperties(schemas);
        document.putObject("components").set("schemas", schemas);
        return SchemaRegistry.withDefaultDialect(Dialects.getDraft4()).getSchema(document.toString(), InputFormat.JSON);
    }

    private static void keyPatternsAsPatternProperties(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("x-propertyNames")) {
            JsonNode values = object.remove("additionalProperties");
            object.putObject("patternProperties").set(object.remove("x-propertyNames").get("pattern").asText(), values);
            object.put("additionalProperties", false);
        }
        node.forEach(ContractAgreementTest::keyPatternsAsPatternProperties);
    }

    // --- the corpus -------------------------------------------------------------------------------------------------

    static List<Sample> corpus() {
        List<Sample> corpus = new ArrayList<>();
        for (Map.Entry<String, String> type : Spec.eventSchemas().entrySet()) {
            String eventType = type.getKey();
            String path = eventType.equals("sessionStart") ? Api.SESSIONS : "events";
            JsonNode schema = Spec.document().at("/components/schemas/" + type.getValue());
            ObjectNode valid = eventType.equals("sessionStart") ? Spec.example("SessionStartSample")
                    : Api.event(eventType, 12.5, TS);
            Corpus of = new Corpus(corpus, eventType, path, valid);

            of.sample("minimal", body -> { });
            of.sample("all qoeData", body -> body.set("qoeData", Spec.JSON.createObjectNode()
                    .put("media.qoe.bitrate", 3_500_000).put("media.qoe.droppedFrames", 2)
                    .put("media.qoe.framesPerSecond", 30).put("media.qoe.timeToStart", 900)
                    .put("media.qoe.errorID", "E1").put("media.qoe.errorSource", "external")));
            of.sample("empty qoeData", body -> body.putObject("qoeData"));
            of.sample("no playerTime", body -> body.remove("playerTime"));
            of.sample("string playhead", body -> body.with("playerTime").put("playhead", "12.5"));
            of.sample("float ts", body -> body.with("playerTime").put("ts", 1.5e12 + 0.5));
            of.sample("negative playhead", body -> body.with("playerTime").put("playhead", -1));
            of.sample("negative ts", body -> body.with("playerTime").put("ts", -1));
            of.sample("extra playerTime key", body -> body.with("playerTime").put("duration", 3));
            of.sample("unknown top-level key", body -> body.put("sessionId", "x"));
            of.sample("null eventType", body -> body.putNull("eventType"));
            of.sample("unknown qoeData key", body -> body.putObject("qoeData").put("media.qoe.bitRate", 1));
            of.sample("string bitrate", body -> body.putObject("qoeData").put("media.qoe.bitrate", "1"));
            of.sample("fractional fps", body -> body.putObject("qoeData").put("media.qoe.framesPerSecond", 29.97));
            of.sample("unknown errorSource", body -> body.putObject("qoeData").put("media.qoe.errorSource", "cdn"));
            of.sample("customMetadata", body -> body.putObject("customMetadata").put("campaign", "autumn"));
            of.sample("customMetadata bad key", body -> body.putObject("customMetadata").put("a b", "x"));
            of.sample("customMetadata number", body -> body.putObject("customMetadata").put("count", 2));
            of.sample("empty params", body -> body.putObject("params"));
            of.sample("unknown param", body -> body.with("params").put("media.unknownThing", "x"));
            of.sample("params not an object", body -> body.put("params", "none"));

            JsonNode properties = Spec.document().at(schema.at("/properties/params/$ref").asText().substring(1))
                    .path("properties");
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String param = names.next();
                String paramType = properties.get(param).path("type").asText("string");
                of.sample("param " + param + " mistyped", body -> {
                    ObjectNode params = body.with("params");
                    if (paramType.equals("string")) {
                        params.put(param, 7);
                    } else {
                        params.put(param, "7");
                    }
                });
                if (valid.path("params").has(param)) {
                    of.sample("param " + param + " missing", body -> body.with("params").remove(param));
                    of.sample("param " + param + " null", body -> body.with("params").putNull(param));
                }
            }
        }
        corpus.add(new Sample("unknown eventType seekStart", "events", Api.event("seekStart", 1, TS)));
        corpus.add(new Sample("unknown eventType contentComplete", "events", Api.event("contentComplete", 1, TS)));
        corpus.add(new Sample("missing eventType", "events", (JsonNode) Api.event("play", 1, TS).without("eventType")));
        corpus.add(new Sample("array to events", "events", Spec.arrayExample("DownloadedSession")));
        corpus.add(new Sample("string to sessions", Api.SESSIONS, Spec.JSON.getNodeFactory().textNode("start")));
        batches(corpus);
        return corpus;
    }

    private static void batches(List<Sample> corpus) {
        corpus.add(new Sample("batch: example", Api.DOWNLOADED, Spec.arrayExample("DownloadedSession")));
        ArrayNode legacy = Spec.arrayExample("DownloadedSession");
        ((ObjectNode) legacy.get(0).get("params")).put("media.downloaded", true);
        corpus.add(new Sample("batch: legacy form", Api.SESSIONS, legacy));
        corpus.add(new Sample("batch: legacy without flag", Api.SESSIONS, Spec.arrayExample("DownloadedSession")));
        ArrayNode noStart = Spec.arrayExample("DownloadedSession");
        noStart.remove(0);
        corpus.add(new Sample("batch: no sessionStart", Api.DOWNLOADED, noStart));
        ArrayNode twoStarts = Spec.arrayExample("DownloadedSession");
        twoStarts.insert(1, twoStarts.get(0).deepCopy());
        corpus.add(new Sample("batch: two sessionStarts", Api.DOWNLOADED, twoStarts));
        ArrayNode afterEnd = Spec.arrayExample("DownloadedSession");
        afterEnd.add(Api.event("ping", 61, TS));
        corpus.add(new Sample("batch: event after sessionEnd", Api.DOWNLOADED, afterEnd));
        ArrayNode badElement = Spec.arrayExample("DownloadedSession");
        ((ObjectNode) badElement.get(2)).put("eventType", "adStart");
        corpus.add(new Sample("batch: adStart without params", Api.DOWNLOADED, badElement));
        corpus.add(new Sample("batch: empty", Api.DOWNLOADED, Spec.JSON.createArrayNode()));
    }

    /** Builds variations of one valid body of one event type. */
    private record Corpus(List<Sample> corpus, String eventType, String path, ObjectNode valid) {

        void sample(String name, java.util.function.Consumer<ObjectNode> change) {
            ObjectNode body = valid.deepCopy();
            change.accept(body);
            corpus.add(new Sample(eventType + ": " + name, path, body));
        }
    }
}
