package dev.mediacollection.api.resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The contract at {@code /q/openapi}: the file itself ({@code META-INF/openapi.yaml}, the one the interfaces are
 * generated from and the validator compiled from), as YAML, or in the JSON form the build writes beside it
 * ({@code META-INF/openapi.json}) with {@code ?format=json} or {@code Accept: application/json}. Served as they are
 * rather than by SmallRye OpenAPI, which read the document into its model and wrote it out again in both formats at
 * every start-up (docs/performance.md). Each is read on its first request.
 */
@ApplicationScoped
class PublishedContract {

    static final String PATH = "/q/openapi";

    private final Document yaml = new Document("META-INF/openapi.yaml", "application/yaml;charset=UTF-8");
    private final Document json = new Document("META-INF/openapi.json", "application/json;charset=UTF-8");

    void register(@Observes Router router) {
        // Off the event loop: the first request of each form reads its file.
        router.get(PATH).blockingHandler(this::serve);
    }

    private void serve(RoutingContext context) {
        String format = context.request().getParam("format");
        boolean asJson = format == null
                ? String.valueOf(context.request().getHeader(HttpHeaders.ACCEPT)).contains("application/json")
                : "json".equalsIgnoreCase(format);
        Document document = asJson ? json : yaml;
        context.response().putHeader(HttpHeaders.CONTENT_TYPE, document.mediaType).end(document.content());
    }

    private static final class Document {

        private final String resource;
        private final String mediaType;
        private volatile Buffer content;

        Document(String resource, String mediaType) {
            this.resource = resource;
            this.mediaType = mediaType;
        }

        Buffer content() {
            if (content == null) {
                try (InputStream file = PublishedContract.class.getClassLoader().getResourceAsStream(resource)) {
                    if (file == null) {
                        throw new IllegalStateException(resource + " is missing from the classpath");
                    }
                    content = Buffer.buffer(file.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return content;
        }
    }
}
