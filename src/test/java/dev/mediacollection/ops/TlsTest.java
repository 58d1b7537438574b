package dev.mediacollection.ops;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Spec;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.SSLConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Adobe's mobile SDKs only speak {@code https}: given a certificate and its key (Quarkus' TLS configuration, as
 * docs/sdk-setup.md shows with a self-signed pair made by openssl), the service answers over TLS exactly as over
 * plain HTTP.
 */
@QuarkusTest
@TestProfile(TlsTest.WithCertificate.class)
class TlsTest {

    /** A self-signed pair for localhost, made the way docs/sdk-setup.md tells a newcomer to make one. */
    public static class WithCertificate implements QuarkusTestProfile {

        static final Path DIRECTORY = Path.of("target", "tls-test");

        @Override
        public Map<String, String> getConfigOverrides() {
            makeSelfSignedPair(DIRECTORY);
            return Map.of(
                    "quarkus.tls.key-store.pem.0.cert", DIRECTORY.resolve("cert.pem").toAbsolutePath().toString(),
                    "quarkus.tls.key-store.pem.0.key", DIRECTORY.resolve("key.pem").toAbsolutePath().toString(),
                    "quarkus.http.test-ssl-port", "0");
        }
    }

    @TestHTTPResource(value = "/", tls = true)
    URL https;

    @Test
    void aSessionOpensOverTlsWithAdobesAnswer() throws Exception {
        Response response = given().config(trustingOurCertificate()).baseUri(https.toString()).port(https.getPort())
                .filter(Spec.respondsPerSpec())
                .contentType(ContentType.JSON).body(Spec.example("SessionStartSample").toString())
                .when().post("/api/v1/sessions");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.header("Location")).matches("/api/v1/sessions/[0-9a-f]{64}");
        assertThat(response.header("Access-Control-Expose-Headers")).isEqualTo("Location");
    }

    @Test
    void theServicePresentsTheConfiguredCertificate() throws Exception {
        HttpsURLConnection connection = (HttpsURLConnection) new URL(https, "/q/health/live").openConnection();
        connection.setSSLSocketFactory(sslContextTrusting(certificate()).getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true);
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            Certificate presented = connection.getServerCertificates()[0];
            assertThat(presented).isEqualTo(certificate());
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsNotAnswered() {
        // The JVM's default trust store knows no self-signed certificate: TLS really is in the way.
        assertThatThrownBy(() -> new URL(https, "/q/health/live").openConnection().getInputStream())
                .isInstanceOf(SSLHandshakeException.class);
    }

    private static io.restassured.config.RestAssuredConfig trustingOurCertificate() throws Exception {
        KeyStore trusted = trustStore(certificate());
        return io.restassured.RestAssured.config().sslConfig(SSLConfig.sslConfig().trustStore(trusted)
                .allowAllHostnames());
    }

    private static SSLContext sslContextTrusting(X509Certificate certificate) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore(certificate));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static KeyStore trustStore(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("service", certificate);
        return store;
    }

    private static X509Certificate certificate() throws Exception {
        try (InputStream pem = Files.newInputStream(WithCertificate.DIRECTORY.resolve("cert.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }

    /** The command of docs/sdk-setup.md ("Serving HTTPS"), run as written there. */
    static void makeSelfSignedPair(Path directory) {
        try {
            Files.createDirectories(directory);
            Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-keyout", "key.pem", "-out", "cert.pem", "-days", "365", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1")
                    .directory(directory.toFile()).redirectErrorStream(true).start();
            String output = new String(openssl.getInputStream().readAllBytes());
            if (openssl.waitFor() != 0) {
                throw new IllegalStateException("openssl could not make the test certificate: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("openssl is needed to make the test certificate", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
