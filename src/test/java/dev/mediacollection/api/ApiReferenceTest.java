package dev.mediacollection.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Spec;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * /api-reference/ is the contract rendered at build time: plain HTML, readable without scripts, and complete: every
 * operation, every status it answers and every field of every schema, each checked against openapi/openapi.yaml.
 */
@QuarkusTest
class ApiReferenceTest {

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>");
    private static final Set<String> VOID_ELEMENTS = Set.of("meta", "link", "br", "hr", "img", "input", "col",
            "area", "base", "wbr", "source", "track", "embed");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    @Test
    void isAStaticPageReadableWithoutScripts() {
        Response response = given().get("/api-reference/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.asString())
                .contains("Open a media tracking session", "Track a playback event", "/problems/schema-violation")
                .doesNotContain("<script", "<link", "<iframe");
    }

    @Test
    void listsEveryOperationAndEveryStatusItAnswers() {
        String page = page();
        JsonNode paths = Spec.document().get("paths");

        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!METHODS.contains(operation.getKey())) {
                return;
            }
            String id = operation.getValue().get("operationId").asText();
            String article = section(page, "operation-" + id);
            assertThat(article).as(id).contains("<code>" + path.getKey() + "</code>");
            assertThat(unescaped(article)).as(id).contains(operation.getValue().get("summary").asText());
            operation.getValue().get("responses").fieldNames().forEachRemaining(status ->
                    assertThat(article).as(id + " answers " + status)
                            .contains("id=\"operation-" + id + "-" + status + "\""));
        }));
    }

    @Test
    void listsEveryFieldOfEverySchema() {
        String page = page();

        for (Map.Entry<String, JsonNode> schema : iterable(Spec.document().at("/components/schemas").fields())) {
            JsonNode properties = schema.getValue().path("properties");
            if (properties.isEmpty()) {
                continue;
            }
            String article = section(page, "schema-" + schema.getKey());
            properties.fieldNames().forEachRemaining(field ->
                    assertThat(article).as(schema.getKey()).contains("<code>" + field + "</code>"));
        }
    }

    @Test
    void everyLinkWithinThePageLeadsSomewhere() {
        String page = page();
        Set<String> ids = new HashSet<>();
        Matcher id = Pattern.compile(" id=\"([^\"]+)\"").matcher(page);
        while (id.find()) {
            ids.add(id.group(1));
        }
        Matcher link = Pattern.compile("href=\"#([^\"]+)\"").matcher(page);
        while (link.find()) {
            assertThat(ids).as("target of #" + link.group(1)).contains(link.group(1));
        }
    }

    /** The descriptions are Markdown rendered by the generator; a mistake there shows as misnested tags. */
    @Test
    void everyElementIsClosedWhereItWasOpened() {
        String body = page().replaceAll("(?s)<style>.*?</style>", "");
        Deque<String> open = new ArrayDeque<>();
        Matcher tag = TAG.matcher(body);
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (VOID_ELEMENTS.contains(name)) {
                continue;
            }
            String context = body.substring(Math.max(0, tag.start() - 120), tag.end());
            if (tag.group(1).isEmpty()) {
                open.push(name);
            } else {
                assertThat(open).as("</%s> closes nothing: …%s", name, context).isNotEmpty();
                assertThat(open.pop()).as("</%s> closes another element: …%s", name, context).isEqualTo(name);
            }
        }
        assertThat(open).as("elements left open").isEmpty();
    }

    private static String page() {
        return given().get("/api-reference/").then().statusCode(200).extract().asString();
    }

    /** The element with this id, up to the end of its article. */
    private static String section(String page, String id) {
        int start = page.indexOf(" id=\"" + id + "\"");
        assertThat(start).as("a section with id " + id).isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }

    /** The text as a reader sees it: the page escapes what Handlebars escapes. */
    private static String unescaped(String html) {
        return html.replace("&#x27;", "'").replace("&quot;", "\"").replace("&#x3D;", "=").replace("&#x60;", "`")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
