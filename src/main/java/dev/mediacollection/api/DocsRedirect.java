package dev.mediacollection.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** A browser opening the service's root lands on the API documentation; {@code /inspector} on the inspector. */
@ApplicationScoped
public class DocsRedirect {

    static final String DOCS_PATH = "/q/swagger-ui/";

    void register(@Observes Router router) {
        router.get("/").handler(context -> context.redirect(DOCS_PATH));
        router.getWithRegex("/inspector").handler(context -> context.redirect("/inspector/"));
    }
}
