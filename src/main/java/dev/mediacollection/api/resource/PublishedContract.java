package dev.mediacollection.api.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The contract at {@code /q/openapi}: the file itself ({@code META-INF/openapi.yaml}, the one the interfaces are
 * generated from and the validator compiled from), as YAML, or as JSON with {@code ?format=json} or
 * {@code Accept: application/json}. Served as it is rather than by SmallRye OpenAPI, which read the document into
 * its model and wrote it out again in both formats at every start-up (docs/performance.md); the JSON form is made
 * on its first request.
 */
@ApplicationScoped
class PublishedContract {

    static final String PATH = "/q/openapi";
    private static final String RESOURCE = "META-INF/openapi.yaml";

    private volatile Buffer yaml;
    private volatile Buffer json;

    void register(@Observes Router router) {
        // Off the event loop: the first request of each form reads the file, and JSON's converts it.
        router.get(PATH).blockingHandler(this::serve);
    }

    private void serve(RoutingContext context) {
        boolean asJson = "json".equalsIgnoreCase(context.request().getParam("format"))
                || context.request().getParam("format") == null
                        && String.valueOf(context.request().getHeader(HttpHeaders.ACCEPT)).contains("application/json");
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, asJson ? "application/json;charset=UTF-8"
                        : "application/yaml;charset=UTF-8")
                .end(asJson ? json() : yaml());
    }

    private Buffer yaml() {
        if (yaml == null) {
            yaml = Buffer.buffer(read());
        }
        return yaml;
    }

    private Buffer json() {
        if (json == null) {
            try {
                json = Buffer.buffer(new ObjectMapper().writeValueAsBytes(
                        new ObjectMapper(new YAMLFactory()).readTree(yaml().getBytes())));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot convert " + RESOURCE + " to JSON", e);
            }
        }
        return json;
    }

    private static byte[] read() {
        try (InputStream file = PublishedContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (file == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return file.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
