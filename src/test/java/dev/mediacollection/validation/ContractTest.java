package dev.mediacollection.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.mediacollection.support.Spec;

/** The compiled rules, keyword by keyword, without HTTP. */
class ContractTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void theServedSpecCompiles() throws IOException {
        try (InputStream spec = Files.newInputStream(Spec.FILE)) {
            assertThat(Contract.load(spec).requestBody("createSession")).isPresent();
        }
    }

    @Test
    void operationsWithoutABodyHaveNoBodySchema() throws IOException {
        try (InputStream spec = Files.newInputStream(Spec.FILE)) {
            assertThat(Contract.load(spec).requestBody("preflightSessions")).isEmpty();
        }
    }

    @Test
    void typesAreExact() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  s: {type: string}
                  n: {type: number}
                  i: {type: integer}
                  b: {type: boolean}
                  a: {type: array}
                  o: {type: object}
                """);

        assertThat(violations(schema, "{\"s\":1,\"n\":\"1\",\"i\":1.5,\"b\":\"true\",\"a\":{},\"o\":[]}"))
                .containsExactly("/s must be a string", "/n must be a number", "/i must be an integer",
                        "/b must be a boolean", "/a must be an array", "/o must be an object");
        assertThat(violations(schema, "{\"s\":\"1\",\"n\":1,\"i\":1,\"b\":true,\"a\":[],\"o\":{}}")).isEmpty();
    }

    @Test
    void integersRespectTheirFormat() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  small: {type: integer, format: int32}
                  big: {type: integer, format: int64}
                """);

        assertThat(violations(schema, "{\"small\":2147483648,\"big\":9223372036854775808}"))
                .containsExactly("/small must fit in a 32-bit signed integer",
                        "/big must fit in a 64-bit signed integer");
        assertThat(violations(schema, "{\"small\":2147483647,\"big\":9223372036854775807}")).isEmpty();
    }

    @Test
    void boundsAreInclusiveUnlessExclusive() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  atLeast: {type: number, minimum: 0}
                  above: {type: number, minimum: 0, exclusiveMinimum: true}
                  atMost: {type: integer, maximum: 10}
                  below: {type: number, maximum: 1.5, exclusiveMaximum: true}
                """);

        assertThat(violations(schema, "{\"atLeast\":0,\"above\":0.001,\"atMost\":10,\"below\":1.49}")).isEmpty();
        assertThat(violations(schema, "{\"atLeast\":-0.1,\"above\":0,\"atMost\":11,\"below\":1.5}"))
                .containsExactly("/atLeast must be at least 0", "/above must be greater than 0",
                        "/atMost must be at most 10", "/below must be less than 1.5");
    }

    @Test
    void stringRules() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  name: {type: string, minLength: 1, maxLength: 3}
                  code: {type: string, pattern: '^[a-z]+$'}
                  source: {type: string, enum: [player, external]}
                  one: {type: string, enum: [only]}
                """);

        assertThat(violations(schema, "{\"name\":\"\",\"code\":\"A\",\"source\":\"x\",\"one\":\"two\"}"))
                .containsExactly("/name must have at least 1 characters", "/code must match ^[a-z]+$",
                        "/source must be one of \"player\", \"external\"", "/one must be \"only\"");
        assertThat(violations(schema, "{\"name\":\"ḁḂḉ\",\"code\":\"ab\",\"source\":\"player\",\"one\":\"only\"}"))
                .as("length counts characters, not UTF-16 units")
                .isEmpty();
        assertThat(violations(schema, "{\"name\":\"abcd\"}")).containsExactly("/name must have at most 3 characters");
    }

    @Test
    void nullIsAllowedOnlyWhenNullable() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  strict: {type: string}
                  loose: {type: string, nullable: true}
                """);

        assertThat(violations(schema, "{\"strict\":null,\"loose\":null}"))
                .containsExactly("/strict must be a string, not null");
    }

    @Test
    void objectsReportMissingAndUnknownKeys() {
        Contract.BodySchema schema = body("""
                type: object
                required: [media.id, media.length]
                additionalProperties: false
                properties:
                  media.id: {type: string}
                  media.length: {type: number}
                """);

        assertThat(violations(schema, "{\"media.lenght\":1,\"zzz\":2}")).containsExactly(
                "/media.id is required", "/media.length is required",
                "/media.lenght is not a known key (did you mean \"media.length\"?)", "/zzz is not a known key");
    }

    @Test
    void everyViolationNamesItsRule() {
        Contract.BodySchema schema = body("""
                type: object
                required: [id]
                additionalProperties: false
                properties:
                  s: {type: string}
                  i: {type: integer, format: int32, minimum: 0, maximum: 9}
                  n: {type: number}
                  e: {type: string, enum: [a, b]}
                  p: {type: string, pattern: '^x$'}
                  id: {type: string}
                  m:
                    type: object
                    additionalProperties: {type: string}
                    x-propertyNames: {pattern: '^[a-z]+$'}
                """);

        assertThat(rules(schema, "{\"s\":null,\"i\":1.5,\"n\":\"1\",\"e\":\"c\",\"p\":\"y\",\"m\":{\"A\":\"v\"},\"z\":1}"))
                .containsExactly("/id required", "/s null-value", "/i integer", "/n type", "/e enum", "/p pattern",
                        "/m/A key-pattern", "/z unknown-key");
        assertThat(rules(schema, "{\"id\":\"x\",\"i\":2147483648}")).containsExactly("/i integer-size");
        assertThat(rules(schema, "{\"id\":\"x\",\"i\":-1,\"n\":1e400}")).containsExactly("/i minimum", "/n finite");
        assertThat(rules(schema, "{\"id\":\"x\",\"i\":10}")).containsExactly("/i maximum");
    }

    @Test
    void aRuleTheContractDoesNotMarkIsRefusedOnlyByTheStrictProfile() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  n: {type: number, minimum: 0}
                """);

        assertThat(schema.validate(json("{\"n\":-1}")).violations())
                .extracting(RuleViolation::refusedBy).containsExactly(ValidationProfile.STRICT);
    }

    @Test
    void xRefusedByNamesTheMostLenientProfileThatRefusesEachRule() {
        Contract.BodySchema schema = body("""
                type: object
                required: [a, b, c]
                x-refused-by:
                  required: {a: lenient, b: adobe}
                  unknown-key: adobe
                  properties: {type: lenient, minimum: adobe}
                additionalProperties: false
                properties:
                  a: {type: number, minimum: 0}
                  b: {type: number}
                  c: {type: number}
                  own: {type: number, minimum: 0, x-refused-by: {minimum: strict}}
                  referred: {$ref: '#/components/schemas/Referred'}
                """);

        assertThat(refusals(schema, "{}"))
                .containsExactly("/a LENIENT", "/b ADOBE", "/c STRICT");
        assertThat(refusals(schema, "{\"a\":\"x\",\"b\":-1,\"c\":1,\"zzz\":1}"))
                .containsExactly("/a LENIENT", "/zzz ADOBE");
        assertThat(refusals(schema, "{\"a\":-1,\"b\":1,\"c\":1,\"own\":-1,\"referred\":\"x\"}"))
                .as("inline properties inherit; a property's own entry wins; a referred schema has only its own")
                .containsExactly("/a ADOBE", "/own STRICT", "/referred STRICT");
    }

    @Test
    void anUnknownRuleOrProfileInXRefusedByIsRefusedAtStartUp() {
        assertThatThrownBy(() -> body("""
                type: object
                x-refused-by: {typo: lenient}
                """)).hasMessageContaining("Unknown rule typo");
        assertThatThrownBy(() -> body("""
                type: object
                x-refused-by: {type: relaxed}
                """)).hasMessageContaining("Unknown validation profile");
    }

    @Test
    void eachProfileRefusesWhatTheOneBeforeItRefusesAndMore() {
        RuleViolation adobeRule = new RuleViolation("/a", null, Rule.REQUIRED, "is required", ValidationProfile.ADOBE);

        assertThat(ValidationProfile.LENIENT.refuses(adobeRule)).isFalse();
        assertThat(ValidationProfile.ADOBE.refuses(adobeRule)).isTrue();
        assertThat(ValidationProfile.STRICT.refuses(adobeRule)).isTrue();
        assertThat(ValidationProfile.LENIENT.refusesAny(List.of(adobeRule))).isFalse();
    }

    @Test
    void mapsCheckKeysAndValues() {
        Contract.BodySchema schema = body("""
                type: object
                additionalProperties: {type: string}
                x-propertyNames: {pattern: '^[a-zA-Z0-9_.]+$'}
                minProperties: 1
                """);

        assertThat(violations(schema, "{\"ok.key_1\":\"v\"}")).isEmpty();
        assertThat(violations(schema, "{\"bad key\":\"v\",\"n\":1}")).containsExactly(
                "/bad key is not an allowed key: keys must match ^[a-zA-Z0-9_.]+$", "/n must be a string");
        assertThat(violations(schema, "{}")).containsExactly(" must have at least 1 key");
    }

    @Test
    void arraysCheckEveryElement() {
        Contract.BodySchema schema = body("""
                type: array
                minItems: 1
                maxItems: 3
                items: {type: integer}
                """);

        assertThat(violations(schema, "[1,\"2\",3.5]")).containsExactly("/1 must be an integer", "/2 must be an integer");
        assertThat(violations(schema, "[]")).containsExactly(" must have at least 1 element");
        assertThat(violations(schema, "[1,2,3,4]")).containsExactly(" must have at most 3 elements");
    }

    @Test
    void discriminatorPicksTheVariant() {
        Contract contract = contract("""
                openapi: 3.0.3
                paths:
                  /e:
                    post:
                      operationId: send
                      requestBody:
                        content:
                          application/json:
                            schema: {$ref: '#/components/schemas/Event'}
                components:
                  schemas:
                    Event:
                      type: object
                      oneOf:
                        - $ref: '#/components/schemas/Play'
                        - $ref: '#/components/schemas/Seek'
                      discriminator:
                        propertyName: kind
                        mapping:
                          play: '#/components/schemas/Play'
                          seek: '#/components/schemas/Seek'
                    Play:
                      type: object
                      additionalProperties: false
                      properties:
                        kind: {type: string}
                    Seek:
                      type: object
                      required: [to]
                      additionalProperties: false
                      properties:
                        kind: {type: string}
                        to: {type: number}
                """);
        Contract.BodySchema schema = contract.requestBody("send").orElseThrow();

        assertThat(violations(schema, "{\"kind\":\"play\"}")).isEmpty();
        assertThat(violations(schema, "{\"kind\":\"seek\"}")).containsExactly("/to is required");
        assertThat(violations(schema, "{\"kind\":\"play\",\"to\":1}")).containsExactly("/to is not a known key");
        assertThat(violations(schema, "{\"kind\":\"stop\"}")).containsExactly("/kind must be one of \"play\", \"seek\"");
        assertThat(violations(schema, "{\"kind\":3}")).containsExactly("/kind must be a string");
        assertThat(violations(schema, "{}")).containsExactly("/kind is required");
    }

    @Test
    void oneOfByTypePicksTheMemberOfTheValuesType() {
        Contract.BodySchema schema = body("""
                oneOf:
                  - {type: object, required: [a]}
                  - {type: array, minItems: 1}
                """);

        assertThat(violations(schema, "{\"a\":1}")).isEmpty();
        assertThat(violations(schema, "[1]")).isEmpty();
        assertThat(violations(schema, "{}")).containsExactly("/a is required");
        assertThat(violations(schema, "[]")).containsExactly(" must have at least 1 element");
        assertThat(violations(schema, "3")).containsExactly(" must be an object or an array");
    }

    @Test
    void anAnchoredLiteralPatternReadsAsTheValue() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  eventType: {type: string, pattern: '^ping$'}
                """);

        assertThat(violations(schema, "{\"eventType\":\"play\"}")).containsExactly("/eventType must be \"ping\"");
    }

    @Test
    void dateTimesAreRfc3339() {
        Contract.BodySchema schema = body("""
                type: object
                properties:
                  at: {type: string, format: date-time}
                """);

        assertThat(violations(schema, "{\"at\":\"2026-11-26T09:00:00Z\"}")).isEmpty();
        assertThat(violations(schema, "{\"at\":\"2026-11-26T09:00:00.123+01:00\"}")).isEmpty();
        assertThat(violations(schema, "{\"at\":\"yesterday\"}"))
                .containsExactly("/at must be a date-time such as 2026-11-26T09:00:00Z");
    }

    @Test
    void queryParametersAreCheckedAsTheirTypeAndUnknownOnesRefused() {
        Contract contract = contract("""
                openapi: 3.0.3
                paths:
                  /x:
                    get:
                      operationId: list
                      parameters:
                        - {name: limit, in: query, schema: {type: integer, minimum: 1}}
                        - {name: state, in: query, schema: {type: string, enum: [open, closed]}}
                """);
        Contract.QuerySchema query = contract.queryParameters("list").orElseThrow();

        assertThat(query.validate(java.util.Map.of("limit", List.of("5"), "state", List.of("open"))).valid()).isTrue();
        assertThat(query.validate(java.util.Map.of("limit", List.of("0"))).violations())
                .containsExactly(RuleViolation.inParameter("limit", Rule.MINIMUM, "must be at least 1"));
        assertThat(query.validate(java.util.Map.of("limit", List.of("five"))).violations())
                .containsExactly(RuleViolation.inParameter("limit", Rule.TYPE, "must be an integer"));
        assertThat(query.validate(java.util.Map.of("limit", List.of("1", "2"))).violations())
                .containsExactly(RuleViolation.inParameter("limit", Rule.REPEATED_PARAMETER, "must be given once"));
        assertThat(query.validate(java.util.Map.of("stat", List.of("open"))).violations())
                .containsExactly(RuleViolation.inParameter("stat", Rule.UNKNOWN_PARAMETER,
                        "is not a known parameter (did you mean \"state\"?)"));
        assertThat(contract.queryParameters("other")).isEmpty();
    }

    @Test
    void pointersEscapeSlashAndTilde() {
        Contract.BodySchema schema = body("""
                type: object
                additionalProperties: false
                """);

        assertThat(violations(schema, "{\"a/b~c\":1}")).containsExactly("/a~1b~0c is not a known key");
    }

    @Test
    void aKeywordTheValidatorCannotEnforceIsRefusedAtStartUp() {
        assertThatThrownBy(() -> body("""
                type: object
                properties:
                  mail: {type: string, format: email}
                """)).hasMessageContaining("format email");
        assertThatThrownBy(() -> body("""
                type: object
                allOf: [{type: object}]
                """)).hasMessageContaining("keyword allOf");
        assertThatThrownBy(() -> body("""
                oneOf: [{type: string}, {type: string, minLength: 2}]
                """)).hasMessageContaining("oneOf without a discriminator whose members do not differ in type");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static List<String> violations(Contract.BodySchema schema, String json) {
        return schema.validate(json(json)).violations().stream()
                .map(violation -> violation.pointer() + " " + violation.detail())
                .toList();
    }

    private static List<String> rules(Contract.BodySchema schema, String json) {
        return schema.validate(json(json)).violations().stream()
                .map(violation -> violation.pointer() + " " + violation.rule().id())
                .toList();
    }

    private static List<String> refusals(Contract.BodySchema schema, String json) {
        return schema.validate(json(json)).violations().stream()
                .map(violation -> violation.pointer() + " " + violation.refusedBy())
                .toList();
    }

    private static Contract.BodySchema body(String schemaYaml) {
        String indented = schemaYaml.indent(14);
        return contract("""
                openapi: 3.0.3
                paths:
                  /x:
                    post:
                      operationId: op
                      requestBody:
                        content:
                          application/json:
                            schema:
                """ + indented + """
                components:
                  schemas:
                    Referred: {type: number}
                """).requestBody("op").orElseThrow();
    }

    private static Contract contract(String yaml) {
        try {
            return Contract.of(YAML.readTree(yaml));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode json(String json) {
        try {
            return Spec.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
