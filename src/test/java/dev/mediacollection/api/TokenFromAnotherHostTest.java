package dev.mediacollection.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mediacollection.support.Api;
import dev.mediacollection.support.NetworkNamespace;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/** With {@code mc.inspection.token} set, the token, not the client's address, decides: another host reads with it. */
@QuarkusTest
@TestProfile(TokenFromAnotherHostTest.WithTokenListeningEverywhere.class)
@Tag("netns")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TokenFromAnotherHostTest {

    static final String TOKEN = "another-hosts-token";

    public static class WithTokenListeningEverywhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.host", "0.0.0.0", "mc.inspection.token", TOKEN);
        }
    }

    private NetworkNamespace otherHost;

    @BeforeAll
    void makeAnotherHost() {
        otherHost = NetworkNamespace.create();
    }

    @AfterAll
    void removeIt() {
        if (otherHost != null) {
            otherHost.close();
        }
    }

    @Test
    void anotherHostReadsWithTheTokenAndNotWithout() {
        String session = Api.openSession();
        for (String path : LoopbackOnlyInspectionTest.securedReads(session)) {
            String url = "http://" + otherHost.hostAddress() + ":" + RestAssured.port + path;
            assertThat(otherHost.run("curl", "--silent", "--output", "/dev/null", "--write-out", "%{http_code}",
                    "--header", "Authorization: Bearer " + TOKEN, url)).as(path).isEqualTo("200");
            NetworkNamespace.HttpAnswer without = otherHost.http("GET", url, null);
            assertThat(without.status()).as(path).isEqualTo(401);
            assertThat(without.json().path("detail").asText()).contains("Authorization: Bearer");
        }
    }

    @Test
    void theInspectorPageIsServedToAnotherHostAndAsksForTheToken() {
        NetworkNamespace.HttpAnswer page = otherHost.http("GET",
                "http://" + otherHost.hostAddress() + ":" + RestAssured.port + "/inspector/", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"token-form\"");
    }
}
