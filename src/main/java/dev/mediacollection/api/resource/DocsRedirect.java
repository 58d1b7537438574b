package dev.mediacollection.api.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** A browser opening the service's root lands on the API documentation; the pages' short paths on the pages. */
@ApplicationScoped
class DocsRedirect {

    private static final String DOCS_PATH = "/q/swagger-ui/";

    void register(@Observes Router router) {
        router.get("/").handler(context -> context.redirect(DOCS_PATH));
        // A regex, not a path: a path route would also match the page itself (with its slash) and loop.
        router.getWithRegex("/inspector").handler(context -> context.redirect("/inspector/"));
        router.getWithRegex("/api-reference").handler(context -> context.redirect("/api-reference/"));
    }
}
