package dev.mediacollection.api.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mediacollection.support.Spec;
import io.vertx.core.http.HttpMethod;

/**
 * Request metrics name the contract's operations by their {@code operationId}, and put every other request under one
 * name. The table is the contract's: every path and method of openapi/openapi.yaml, and near misses of each path.
 */
class ApiOperationTest {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** What a path parameter stands for in a request: any one non-empty segment. */
    static final String ARGUMENT = "abc";
    static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    /** An operation of the contract. */
    record Operation(String method, String template, String operationId) {

        /** A request path for it, each parameter filled in. */
        String path() {
            return PARAMETER.matcher(template).replaceAll(ARGUMENT);
        }

        boolean matches(String requestMethod, String requestPath) {
            return method.equals(requestMethod) && Pattern.compile(
                    Arrays.stream(PARAMETER.split(template, -1)).map(Pattern::quote)
                            .reduce((before, after) -> before + "[^/]+" + after).orElseThrow())
                    .matcher(requestPath).matches();
        }
    }

    static final List<Operation> CONTRACT = contract();

    static Stream<Arguments> contractOperations() {
        return CONTRACT.stream().map(operation -> Arguments.of(operation.method(), operation.path(),
                operation.operationId()));
    }

    @ParameterizedTest(name = "{0} {1} is {2}")
    @MethodSource("contractOperations")
    void theContractsOperationsAreNamedByTheirOperationId(String method, String path, String operationId) {
        assertThat(ApiOperation.of(HttpMethod.valueOf(method), path).operationId()).isEqualTo(operationId);
    }

    @Test
    void thereIsOneNameForEachOperationOfTheContractAndOneForEverythingElse() {
        assertThat(Arrays.stream(ApiOperation.values()).filter(operation -> operation != ApiOperation.OTHER)
                .map(ApiOperation::operationId))
                .containsExactlyInAnyOrderElementsOf(CONTRACT.stream().map(Operation::operationId).toList());
        assertThat(ApiOperation.OTHER.operationId()).isEqualTo("other");
    }

    /**
     * Every method on every path of the contract, and on near misses of each (a trailing slash, one more segment, a
     * longer last segment, a parameter left empty, another version), is named as the contract routes it: by the
     * operation whose method and path template match, or {@code other}.
     */
    @Test
    void everythingElseIsOther() {
        List<String> paths = new ArrayList<>(List.of("/", "/q/metrics", "/api/v1", "/api/v1/", "/api/v1//sessions"));
        for (Operation operation : CONTRACT) {
            String path = operation.path();
            paths.addAll(List.of(path, path + "/", path + "/" + ARGUMENT, path + "X",
                    path.replace("/api/v1/", "/api/v2/"), PARAMETER.matcher(operation.template()).replaceAll("")));
        }
        SoftAssertions softly = new SoftAssertions();
        for (String path : paths.stream().distinct().toList()) {
            for (String method : METHODS) {
                String expected = CONTRACT.stream().filter(operation -> operation.matches(method, path))
                        .map(Operation::operationId).findFirst().orElse("other");
                softly.assertThat(ApiOperation.of(HttpMethod.valueOf(method), path).operationId())
                        .as("%s %s", method, path).isEqualTo(expected);
            }
        }
        softly.assertAll();
    }

    private static List<Operation> contract() {
        List<Operation> operations = new ArrayList<>();
        Spec.document().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
                method -> {
                    if (method.getValue().has("operationId")) {
                        operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                                method.getValue().get("operationId").asText()));
                    }
                }));
        return operations;
    }
}
