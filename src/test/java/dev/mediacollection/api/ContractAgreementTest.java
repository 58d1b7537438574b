package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import dev.mediacollection.api.ReferenceFlags.Flag;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import dev.mediacollection.validation.ValidationProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * One source of truth: a corpus of valid and invalid bodies, for every event type and every rule, is judged by an
 * independent JSON Schema validator against the contract's own schemas, reduced to the rules the validation profile
 * refuses (as the contract's {@code x-refused-by} says, read here on its own), then sent to the server. The server
 * must accept exactly the bodies the reduced schema accepts, and name exactly the members, by pointer and rule, that
 * the validator flags against the whole contract ({@link ReferenceFlags} translates its errors): in a refusal's
 * errors, or in the findings kept with an accepted body. This class runs the default profile, its subclasses the
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

    @Test
    void theCorpusExercisesEveryTranslationOfTheReferencesErrors() {
        List<Flag> flags = corpus().stream().flatMap(sample -> referenceFlags(sample).stream()).toList();

        assertThat(flags).extracting(Flag::rule).contains("required", "unknown-key", "key-pattern", "event-type",
                "type", "null-value", "integer", "enum", "pattern", "minimum", "min-properties", "min-items",
                "downloaded-flag-matches-shape", "downloaded-session-start", "downloaded-session-order");
        assertThat(flags).extracting(Flag::pointer)
                .as("a key with ~").anyMatch(pointer -> pointer.contains("~0"))
                .as("a key with /").anyMatch(pointer -> pointer.contains("~1"))
                .as("a member of a batch's element").anyMatch(pointer -> pointer.matches("/\\d+/.+/.+"))
                .as("a member of an array's element in an event")
                .anyMatch(pointer -> pointer.matches("/[^0-9/][^/]*/.*/\\d+/.+"));
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

    @TestFactory
    Stream<DynamicTest> theServerNamesTheMembersTheReferenceFlags() {
        return corpus().stream().map(sample -> DynamicTest.dynamicTest(sample.name(), () -> {
            Set<Flag> reference = referenceFlags(sample);
            List<Flag> server = serverFlags(sample);

            assertThat(server).as("%s under %s: the server's flags (a refusal's errors or the findings kept) against"
                    + " the reference's, for %s", sample.name(), profile(), sample.body())
                    .containsExactlyInAnyOrderElementsOf(reference);
        }));
    }

    /**
     * Sends the body and returns the members the server names in it: a refusal's errors, or the findings kept with
     * what it stored, read back (a downloaded session's element by element, each pointer prefixed with the
     * element's index).
     */
    private static List<Flag> serverFlags(Sample sample) throws IOException {
        boolean event = sample.path().equals("events");
        String session = event ? Api.openSession() : null;
        Response answer = given().contentType(ContentType.JSON).body(sample.body().toString())
                .when().post(event ? Api.eventsPath(session) : sample.path());
        if (answer.statusCode() == 400) {
            return flags(Spec.JSON.readTree(answer.asString()).path("errors"), "");
        }
        assertThat(answer.statusCode()).as(sample.name()).isIn(201, 204);
        List<Flag> flags = new ArrayList<>();
        boolean batch = sample.body().isArray();
        if (!event) {
            session = Api.idOf(answer.header("Location"));
            JsonNode detail = Spec.JSON.readTree(given().when().get(Api.SESSIONS + "/" + session).asString());
            flags.addAll(flags(detail.path("start").path("findings"), batch ? "/0" : ""));
        }
        JsonNode events = Spec.JSON.readTree(given().when().get(Api.eventsPath(session)).asString());
        for (JsonNode item : events.path("items")) {
            flags.addAll(flags(item.path("findings"), batch ? "/" + item.path("sequence").asLong() : ""));
        }
        return flags;
    }

    private static List<Flag> flags(JsonNode violations, String prefix) {
        List<Flag> flags = new ArrayList<>();
        violations.forEach(violation -> flags.add(new Flag(
                violation.has("pointer") ? prefix + violation.get("pointer").asText() : null,
                violation.path("rule").asText())));
        return flags;
    }

    // --- the independent judgement -------------------------------------------------------------------------------

    /** Whether the reference accepts the body under the profile: its schema, and the body rules the profile refuses. */
    static boolean schemaAccepts(Sample sample, ValidationProfile profile) {
        return referenceSchema(sample, profile).validate(sample.body().toString(), InputFormat.JSON).isEmpty()
                && bodyRuleBreaches(sample).stream().noneMatch(breach -> breach.refusedBy().compareTo(profile) <= 0);
    }

    /**
     * Every member the reference flags in the body, whatever the profile: the contract's schema with all its rules
     * ({@link ReferenceFlags} says how networknt's errors are read), and every body rule broken. A refusal names
     * them all, those the profile would have kept included; an accepted body keeps them all as findings.
     */
    static Set<Flag> referenceFlags(Sample sample) {
        Set<Flag> flags = new LinkedHashSet<>(ReferenceFlags.of(referenceSchema(sample, ValidationProfile.STRICT)
                .validate(sample.body().toString(), InputFormat.JSON)));
        bodyRuleBreaches(sample).forEach(breach -> flags.add(breach.flag()));
        return flags;
    }

    /**
     * The operation's body schema, reduced to what the profile refuses; for POST /api/v1/sessions also the form the
     * contract says it takes beyond it ({@code x-also-accepts}: a downloaded session as an array).
     */
    private static Schema referenceSchema(Sample sample, ValidationProfile profile) {
        String name = switch (sample.path()) {
            case Api.SESSIONS -> sample.body().isArray() ? "DownloadedSession" : "SessionStart";
            case Api.DOWNLOADED -> "DownloadedSession";
            default -> "MediaEvent";
        };
        return SCHEMAS.computeIfAbsent(profile, ignored -> new HashMap<>())
                .computeIfAbsent(name, ignored -> schema(name, profile));
    }

    /** A body rule broken: the member that breaks it, the rule, and the most lenient profile that refuses it. */
    record BodyRuleBreach(String pointer, String rule, ValidationProfile refusedBy) {

        Flag flag() {
            return new Flag(pointer, rule);
        }
    }

    /**
     * The contract's x-body-rules, implemented here on their own from their description in the spec, each with the
     * profile its operation's {@code x-refused-by} gives it. Each points at the member that breaks it: the
     * {@code media.downloaded} flag, the {@code eventType} of a first element that is no sessionStart or of a second
     * sessionStart, an element after the sessionEnd.
     */
    static List<BodyRuleBreach> bodyRuleBreaches(Sample sample) {
        JsonNode body = sample.body();
        List<BodyRuleBreach> breaches = new ArrayList<>();
        boolean flagApplies = sample.path().equals(Api.SESSIONS);
        if (!body.isArray()) {
            if (flagApplies && body.at("/params/media.downloaded").asBoolean(false)) {
                breaches.add(new BodyRuleBreach("/params/media.downloaded", "downloaded-flag-matches-shape",
                        ValidationProfile.ADOBE));
            }
            return breaches;
        }
        if (flagApplies && !body.at("/0/params/media.downloaded").asBoolean(false)) {
            breaches.add(new BodyRuleBreach("/0/params/media.downloaded", "downloaded-flag-matches-shape",
                    ValidationProfile.ADOBE));
        }
        boolean ended = false;
        for (int i = 0; i < body.size(); i++) {
            boolean start = "sessionStart".equals(body.get(i).path("eventType").asText());
            if (i == 0 && !start) {
                breaches.add(new BodyRuleBreach("/0/eventType", "downloaded-session-start", ValidationProfile.LENIENT));
            }
            if (i > 0 && start) {
                breaches.add(new BodyRuleBreach("/" + i + "/eventType", "downloaded-session-order",
                        ValidationProfile.STRICT));
            }
            if (ended) {
                breaches.add(new BodyRuleBreach("/" + i, "downloaded-session-order", ValidationProfile.STRICT));
            }
            ended = ended || "sessionEnd".equals(body.get(i).path("eventType").asText());
        }
        return breaches;
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
            // Pointers escape "~" and "/" in a key (RFC 6901): "~0" and "~1".
            of.sample("customMetadata key with / and ~", body -> body.putObject("customMetadata").put("a/b~c", "x"));
            of.sample("unknown keys with / and ~", body -> {
                body.put("a/b", 1);
                body.putObject("qoeData").put("media.qoe~bitrate", 1);
            });
            of.sample("mistakes in two members", body -> {
                body.with("playerTime").put("playhead", -1);
                body.putObject("qoeData").put("media.qoe.bitrate", "1");
            });
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
        ObjectNode customerIds = Spec.example("SessionStartSample");
        customerIds.with("params").putObject("visitor.customerIDs").put("userIdType", "x")
                .putObject("crm/id").put("authState", 5);
        corpus.add(new Sample("sessionStart: customer ids, mistaken", Api.SESSIONS, customerIds));
        ObjectNode stateName = Api.event("stateStart", 1, TS);
        stateName.with("params").put("media.state.name", "not a name!");
        corpus.add(new Sample("stateStart: state name outside its pattern", "events", stateName));
        ObjectNode statesUpdate = Api.event("statesUpdate", 1, TS);
        statesUpdate.putObject("params").putArray("statesStart").addObject().put("media.state.name", "a b");
        statesUpdate.with("params").putArray("statesEnd").addObject();
        corpus.add(new Sample("statesUpdate: mistaken list elements", "events", statesUpdate));
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
        ArrayNode unknownElement = Spec.arrayExample("DownloadedSession");
        ((ObjectNode) unknownElement.get(2)).put("eventType", "seekStart");
        corpus.add(new Sample("batch: an element of no event type", Api.DOWNLOADED, unknownElement));
        ArrayNode twoElements = Spec.arrayExample("DownloadedSession");
        ((ObjectNode) twoElements.get(1)).with("playerTime").put("playhead", -1);
        ((ObjectNode) twoElements.get(3)).putObject("qoeData").put("media.qoe.bitRate", 1);
        corpus.add(new Sample("batch: mistakes in two elements", Api.DOWNLOADED, twoElements));
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
