package dev.mediacollection.ops;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.mediacollection.store.jdbc.JdbcStores;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Readiness follows the embedded database for real: while another connection holds SQLite's write lock (as a
 * maintenance tool writing to the file would), the service cannot commit and is not ready; once the lock is released
 * it is ready again. The tests run as root, so an unwritable file is no failure that can be staged; a lock is.
 */
@QuarkusTest
class LockedDatabaseReadinessTest {

    @Test
    void theServiceIsNotReadyWhileItsDatabaseIsLockedForWriting() throws Exception {
        Path database = Path.of(ConfigProvider.getConfig().getValue("mc.store.data-dir", String.class))
                .resolve(JdbcStores.EMBEDDED_FILE);
        try (Connection intruder = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
            intruder.setAutoCommit(false);
            try (Statement statement = intruder.createStatement()) {
                // A write takes the database's single write lock until the transaction ends.
                statement.executeUpdate("UPDATE write_probe SET written_at = 0");
            }

            given().when().get("/q/health/ready")
                    .then().statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'store' }.data.reason", containsString("no write committed"));

            intruder.rollback();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP")));
    }
}
