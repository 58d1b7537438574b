package dev.mediacollection.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The benchmark's requests (bench/workload/) are ones the service accepts: a workload of refusals would measure
 * the cheapest path, not the one players take.
 */
@QuarkusTest
class BenchWorkloadTest {

    private static final Path WORKLOADS = Path.of("bench/workload");

    /** Every line of every workload file, as {@code endpoint body-file}. */
    static Stream<String> workloadLines() throws IOException {
        try (Stream<Path> files = Files.list(WORKLOADS)) {
            List<Path> workloads = files.filter(Files::isRegularFile).toList();
            assertThat(workloads).isNotEmpty();
            return workloads.stream().flatMap(BenchWorkloadTest::lines)
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\s+", 2)[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("workloadLines")
    void everyWorkloadRequestIsAccepted(String endpointAndBody) throws IOException {
        String[] fields = endpointAndBody.split("\\s+");
        boolean toSession = fields[0].equals("events");
        // session-start.json is the contract's example (bench/run extracts it), which the contract tests cover.
        String body = fields[1].equals("session-start.json") ? Spec.example("SessionStartSample").toString()
                : Files.readString(WORKLOADS.resolve("bodies").resolve(fields[1]));

        int status = given().contentType(ContentType.JSON).body(body)
                .when().post(toSession ? Api.eventsPath(Api.openSession()) : Api.SESSIONS)
                .statusCode();

        assertThat(status).as(endpointAndBody).isEqualTo(toSession ? 204 : 201);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
