package dev.mediacollection.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.hostile.HostileRequest.Refusal;
import dev.mediacollection.support.Api;
import dev.mediacollection.support.Spec;

/**
 * Generates malformed and hostile requests for every endpoint, deterministically: the same seed gives the same
 * requests, so a failure found once is found again. Every request is one the service must refuse; each says how
 * ({@link Refusal}).
 */
final class HostileRequests {

    static final long SEED = 20_261_126L;

    /** The single-event and batch limits the service under test runs with (its defaults). */
    static final int MAX_BODY = 64 * 1024;
    static final int MAX_BATCH = 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String JSON = "application/json";

    private final Random random = new Random(SEED);
    private final String openSession;
    private final List<Supplier<HostileRequest>> generators = new ArrayList<>();

    /** @param openSession an open session's id: events sent to it are refused for their bodies alone */
    HostileRequests(String openSession) {
        this.openSession = openSession;
        weigh(12, this::truncatedJson);
        weigh(6, this::garbage);
        weigh(6, this::invalidUtf8);
        weigh(5, this::hugeNumbers);
        weigh(5, this::nonFiniteNumbers);
        weigh(3, this::deeplyNested);
        weigh(1, this::hugeArray);
        weigh(3, this::longStringsAndKeys);
        weigh(4, this::duplicateKeys);
        weigh(12, this::wrongType);
        weigh(8, this::nullValue);
        weigh(4, this::wrongContentType);
        weigh(2, this::declaredOverLimit);
        weigh(1, this::sentOverLimit);
        weigh(8, this::hostileSessionId);
        weigh(6, this::hostileQuery);
        weigh(3, this::unknownEventTypeSchema);
        weigh(3, this::hostileOptions);
        weigh(3, this::headerFlood);
        weigh(2, this::overlongUri);
        weigh(2, this::malformedRequestLine);
        weigh(1, this::slowBody);
        weigh(2, this::incompleteBody);
    }

    List<HostileRequest> generate(int count) {
        List<HostileRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(generators.get(random.nextInt(generators.size())).get());
        }
        return requests;
    }

    private void weigh(int weight, Supplier<HostileRequest> generator) {
        for (int i = 0; i < weight; i++) {
            generators.add(generator);
        }
    }

    // --- bodies -------------------------------------------------------------------------------------------------

    private HostileRequest truncatedJson() {
        Target target = target();
        byte[] valid = target.valid().toString().getBytes(StandardCharsets.UTF_8);
        return post("truncated JSON", target.path(), JSON, java.util.Arrays.copyOf(valid, random.nextInt(valid.length)));
    }

    private HostileRequest garbage() {
        byte[] bytes = new byte[1 + random.nextInt(2000)];
        random.nextBytes(bytes);
        if (random.nextBoolean()) {
            // JSON's own characters, jumbled.
            String alphabet = "{}[]\",:0123456789.eE+-truefalsnl \\u";
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) alphabet.charAt(Math.floorMod(bytes[i], alphabet.length()));
            }
        }
        return post("garbage", target().path(), JSON, bytes);
    }

    private HostileRequest invalidUtf8() {
        byte[][] illFormed = { { (byte) 0xC3, 0x28 }, { (byte) 0xFF }, { (byte) 0x80 }, { (byte) 0xC0, (byte) 0xAF },
                { (byte) 0xE0, (byte) 0x80, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
                { (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80 }, { (byte) 0xE2, (byte) 0x82 },
                { (byte) 0xFE, (byte) 0xFF } };
        Target target = target();
        byte[] valid = target.valid().toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = illFormed[random.nextInt(illFormed.length)];
        // Inside a string value (after an opening quote) or anywhere.
        int at = random.nextBoolean() ? indexAfterQuote(valid) : random.nextInt(valid.length + 1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(valid, 0, at);
        body.writeBytes(bad);
        body.write(valid, at, valid.length - at);
        return post("invalid UTF-8", target.path(), JSON, body.toByteArray());
    }

    private HostileRequest hugeNumbers() {
        String[] huge = { "1e999999999", "-1e400", "123456789012345678901234567890123456789", "9".repeat(5000),
                "1" + "0".repeat(1000) + ".5", "0." + "0".repeat(3000) + "1e-99999", "18446744073709551616",
                "-9223372036854775809" };
        String[] notAnInt64 = { "1e999999999", "-1e400", "9".repeat(5000), "18446744073709551616",
                "-9223372036854775809" };
        Target target = target();
        // ts can never be right (no 64-bit integer); playhead gets any of them.
        String body = target.valid().toString()
                .replaceFirst("\"playhead\":[^,}]+", "\"playhead\":" + huge[random.nextInt(huge.length)])
                .replaceFirst("\"ts\":[^,}]+", "\"ts\":" + notAnInt64[random.nextInt(notAnInt64.length)]);
        return post("huge numbers", target.path(), JSON, bytes(body));
    }

    private HostileRequest nonFiniteNumbers() {
        String[] tokens = { "NaN", "Infinity", "-Infinity", "+Infinity", "nan", "inf", "0x10", "01", "+1", ".5", "1." };
        Target target = target();
        String body = target.valid().toString().replaceFirst("\"playhead\":[^,}]+",
                "\"playhead\":" + tokens[random.nextInt(tokens.length)]);
        return post("NaN and Infinity", target.path(), JSON, bytes(body));
    }

    private HostileRequest deeplyNested() {
        int depth = 100 + random.nextInt(20_000);
        boolean objects = random.nextBoolean();
        StringBuilder body = new StringBuilder("{\"playerTime\":");
        body.append((objects ? "{\"a\":" : "[").repeat(depth)).append('1')
                .append((objects ? "}" : "]").repeat(depth)).append('}');
        return post("deeply nested", target().path(), JSON, bytes(body.toString()));
    }

    private HostileRequest hugeArray() {
        StringBuilder elements = new StringBuilder("[");
        String element = random.nextBoolean() ? "0" : "{}";
        for (int i = 0; i < 100_000; i++) {
            elements.append(i == 0 ? "" : ",").append(element);
        }
        elements.append(']');
        // The array as the body (a batch: refused), or under an unknown key of a sessionStart's params (which the
        // default profile keeps, as a finding).
        String path = random.nextBoolean() ? Api.DOWNLOADED : Api.SESSIONS;
        if (random.nextBoolean()) {
            return post("100,000-element array", path, JSON, bytes(elements.toString()));
        }
        String body = "[" + Spec.example("SessionStartSample").toString().replace("\"params\":{",
                "\"params\":{\"media.downloaded\":true,\"huge\":" + elements + ",") + "]";
        return post("100,000-element array", path, JSON, bytes(body), Refusal.PROBLEM_OR_KEPT);
    }

    private HostileRequest longStringsAndKeys() {
        Target target = target();
        ObjectNode body = target.valid().deepCopy();
        String long1 = "x".repeat(1000 + random.nextInt(60_000));
        if (random.nextBoolean()) {
            ObjectNode holder = body.get("params") instanceof ObjectNode params ? params : body;
            holder.put(long1, "v");
        } else {
            body.put("eventType", long1);
        }
        return post("long strings and keys", target.path(), JSON, bytes(body.toString()), Refusal.PROBLEM_OR_KEPT);
    }

    private HostileRequest duplicateKeys() {
        Target target = target();
        String body = target.valid().toString();
        body = random.nextBoolean()
                ? body.replaceFirst("\"eventType\":", "\"eventType\":\"sessionStart\",\"eventType\":")
                : body.replaceFirst("\"ts\":", "\"ts\":1,\"ts\":");
        return post("duplicate keys", target.path(), JSON, bytes(body));
    }

    private HostileRequest wrongType() {
        Target target = target();
        ObjectNode body = target.valid().deepCopy();
        JsonNode[] wrong = { NODES.textNode("12"), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
                NODES.numberNode(-1), NODES.numberNode(1.5) };
        String[][] places = { { "playerTime" }, { "playerTime", "playhead" }, { "playerTime", "ts" }, { "eventType" },
                { "params" }, { "qoeData" }, { "customMetadata" } };
        String[] place = places[random.nextInt(places.length)];
        ObjectNode parent = place.length == 1 ? body : body.with(place[0]);
        JsonNode replacement = wrongFor(parent.get(place[place.length - 1]), wrong);
        parent.set(place[place.length - 1], replacement);
        return post("wrong type", target.path(), JSON, bytes(body.toString()), Refusal.PROBLEM_OR_KEPT);
    }

    /** A value of another JSON type than the one there (or a type no member takes, where nothing was). */
    private JsonNode wrongFor(JsonNode current, JsonNode[] wrong) {
        while (true) {
            JsonNode candidate = wrong[random.nextInt(wrong.length)];
            boolean sameType = current != null && current.getNodeType() == candidate.getNodeType();
            boolean couldBeValid = current == null && candidate.isObject();
            if (!sameType && !couldBeValid && !(current != null && current.isNumber() && candidate.isNumber())) {
                return candidate;
            }
        }
    }

    private HostileRequest nullValue() {
        Target target = target();
        ObjectNode body = target.valid().deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(body, objects);
        ObjectNode holder = objects.get(random.nextInt(objects.size()));
        List<String> names = new ArrayList<>();
        holder.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty() || random.nextInt(5) == 0) {
            body.putNull("playerTime");
        } else {
            holder.putNull(names.get(random.nextInt(names.size())));
        }
        if (random.nextInt(4) == 0) {
            return post("null body", target.path(), JSON, bytes("null"));
        }
        return post("null value", target.path(), JSON, bytes(body.toString()), Refusal.PROBLEM_OR_KEPT);
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collectObjects(child, into));
    }

    private HostileRequest wrongContentType() {
        String[] types = { null, "", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "/", "application/json-patch+json", "*/*", "application/*" };
        Target target = target();
        String type = types[random.nextInt(types.length)];
        byte[] body = random.nextInt(4) == 0 ? new byte[0] : bytes(target.valid().toString());
        return post("wrong content type", target.path(), type, body, Refusal.PROBLEM_OR_KEPT);
    }

    private HostileRequest declaredOverLimit() {
        Target target = target();
        long declared = MAX_BATCH + 1L + random.nextInt(Integer.MAX_VALUE);
        String head = "POST " + target.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + JSON
                + "\r\nContent-Length: " + declared + "\r\nConnection: close\r\n\r\n";
        return new HostileRequest("declared over the limit", bytes(head), List.of(bytes("{\"a\":")), 0, false,
                Refusal.PROBLEM);
    }

    private HostileRequest sentOverLimit() {
        // Chunked, so the size is only known once read; an object over the single-event limit anywhere.
        Target target = target();
        String body = target.valid().toString().replaceFirst("\\{", "{\"pad\":\"" + "p".repeat(MAX_BODY + 10) + "\",");
        String head = "POST " + target.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + JSON
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        byte[] payload = bytes(body);
        List<byte[]> chunks = new ArrayList<>();
        for (int from = 0; from < payload.length; from += 16 * 1024) {
            int length = Math.min(16 * 1024, payload.length - from);
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            chunk.writeBytes(bytes(Integer.toHexString(length) + "\r\n"));
            chunk.write(payload, from, length);
            chunk.writeBytes(bytes("\r\n"));
            chunks.add(chunk.toByteArray());
        }
        chunks.add(bytes("0\r\n\r\n"));
        return new HostileRequest("sent over the limit", bytes(head), chunks, 0, false, Refusal.PROBLEM);
    }

    // --- paths, queries and methods -------------------------------------------------------------------------------

    private String hostileId() {
        String[] ids = { "..%2F..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "a".repeat(64 + random.nextInt(2000)),
                "A".repeat(64), "g".repeat(64), "%00", "a%00b", "%C3%A9t%C3%A9", "%F0%9F%98%80", "%ZZ", "%", "%u0041",
                "'%20OR%201=1--", "%3Cscript%3E", "0".repeat(63), "f".repeat(65), "%0d%0aSet-Cookie:%20x=y",
                Long.toHexString(random.nextLong()) };
        return ids[random.nextInt(ids.length)];
    }

    private HostileRequest hostileSessionId() {
        String id = hostileId();
        return switch (random.nextInt(4)) {
            case 0 -> post("hostile session id", Api.SESSIONS + "/" + id + "/events", JSON,
                    bytes(Api.event("ping", 10, 1_509_045_325_153L).toString()));
            case 1 -> request("hostile session id", "GET", Api.SESSIONS + "/" + id, List.of(), new byte[0],
                    Refusal.PROBLEM);
            case 2 -> request("hostile session id", "GET", Api.SESSIONS + "/" + id + "/events", List.of(),
                    new byte[0], Refusal.PROBLEM);
            default -> post("hostile session id", Api.SESSIONS + "/" + id + "/events", JSON,
                    bytes(Api.event("play", 1, 2).toString().replace("play", "sessionStart")));
        };
    }

    private HostileRequest hostileQuery() {
        String[] queries = { "limit=0", "limit=-1", "limit=abc", "limit=99999999999999999999", "limit=1e3",
                "state=deleted", "state=", "createdFrom=yesterday", "createdTo=2026-13-45T99:99:99Z",
                "cursor=" + "A".repeat(1 + random.nextInt(2000)), "cursor=%00%FF", "unknown=1", "limit=1&limit=2",
                "order=random", "mediaId=" + "%ZZ", "limit=%2B1%20", "createdFrom=2026-11-26T09:00:00Z&createdTo=x" };
        String query = queries[random.nextInt(queries.length)];
        String[] paths = { Api.SESSIONS, Api.eventsPath(openSession), "/api/v1/rejections" };
        String path = paths[random.nextInt(paths.length)];
        if (path.equals(Api.eventsPath(openSession)) && (query.startsWith("state") || query.startsWith("created")
                || query.startsWith("mediaId"))) {
            query = "order=random";
        }
        if (path.equals("/api/v1/rejections") && !query.startsWith("limit")) {
            query = "limit=0";
        }
        return request("hostile query", "GET", path + "?" + query, List.of(), new byte[0], Refusal.PROBLEM);
    }

    private HostileRequest unknownEventTypeSchema() {
        String[] types = { "seekStart", "..%2F..%2Fopenapi.yaml", "%00", "PLAY", "play%20", "a".repeat(3000),
                "sessionStart%2F..", "%ZZ", "__proto__", "constructor" };
        return request("unknown schema", "GET", "/api/v1/schemas/" + types[random.nextInt(types.length)], List.of(),
                new byte[0], Refusal.PROBLEM);
    }

    private HostileRequest hostileOptions() {
        String[] paths = { Api.SESSIONS + "/%ZZ/events", Api.SESSIONS + "/x/events/extra", Api.DOWNLOADED + "/x",
                "/api/v1/sessions/" + hostileId() + "/nothing" };
        return request("hostile OPTIONS", "OPTIONS", paths[random.nextInt(paths.length)],
                List.of("Origin: https://evil.example", "Access-Control-Request-Method: DELETE"), new byte[0],
                Refusal.PROBLEM);
    }

    // --- below the service: what the HTTP codec refuses -------------------------------------------------------------

    private HostileRequest headerFlood() {
        List<String> headers = new ArrayList<>();
        boolean overLimit = random.nextBoolean();
        int count = overLimit ? 300 + random.nextInt(3000) : 20 + random.nextInt(100);
        for (int i = 0; i < count; i++) {
            headers.add("X-Flood-" + i + ": " + "v".repeat(overLimit ? 100 : 10));
        }
        if (overLimit && random.nextBoolean()) {
            headers = List.of("X-Huge: " + "h".repeat(20 * 1024 + random.nextInt(100_000)));
        }
        Target target = target();
        // Under the header limit the body decides (a truncated one): a problem. Over it, the codec refuses.
        headers = new ArrayList<>(headers);
        headers.add("Content-Type: " + JSON);
        byte[] valid = bytes(target.valid().toString());
        return request("header flood", "POST", target.path(), headers,
                java.util.Arrays.copyOf(valid, valid.length / 2), overLimit ? Refusal.BELOW_THE_SERVICE : Refusal.PROBLEM);
    }

    private HostileRequest overlongUri() {
        String[] methods = { "GET", "POST", "OPTIONS" };
        String path = Api.SESSIONS + "/" + "a".repeat(5000 + random.nextInt(20_000)) + "/events";
        return request("overlong URI", methods[random.nextInt(methods.length)], path,
                List.of("Content-Type: " + JSON), bytes("{}"), Refusal.BELOW_THE_SERVICE);
    }

    private HostileRequest malformedRequestLine() {
        String[] lines = { "GARBAGE\r\n\r\n", "GET\r\n\r\n", "POST /api/v1/sessions HTTP/1.1\r\nContent-Length: abc\r\n\r\n{}",
                "POST /api/v1/sessions HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 5\r\n\r\n{}",
                "POST /api/v1/sessions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n",
                "GET /api/v1/sessions HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
                "\u0000\u0001\u0002\r\n\r\n", "GET api/v1/sessions HTTP/1.1\r\nHost: x\r\n\r\n" };
        return new HostileRequest("malformed request", bytes(lines[random.nextInt(lines.length)]), List.of(), 0,
                false, Refusal.BELOW_THE_SERVICE);
    }

    private HostileRequest slowBody() {
        // Arrives in pieces, slowly, but whole: judged like any body (this one is truncated).
        Target target = target();
        byte[] body = bytes(target.valid().toString());
        body = java.util.Arrays.copyOf(body, body.length - 1);
        List<byte[]> pieces = new ArrayList<>();
        for (int from = 0; from < body.length; from += 64) {
            pieces.add(java.util.Arrays.copyOfRange(body, from, Math.min(body.length, from + 64)));
        }
        String head = "POST " + target.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + JSON
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        return new HostileRequest("slow body", bytes(head), pieces, 5, false, Refusal.PROBLEM);
    }

    private HostileRequest incompleteBody() {
        // Declares more than it sends, then stops sending: there is nothing to judge, the connection is closed.
        Target target = target();
        byte[] body = bytes(target.valid().toString());
        String head = "POST " + target.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + JSON
                + "\r\nContent-Length: " + (body.length + 1 + random.nextInt(1000)) + "\r\nConnection: close\r\n\r\n";
        return new HostileRequest("incomplete body", bytes(head), List.of(body), 0, true, Refusal.BELOW_THE_SERVICE);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Where a body goes, and a valid body for it to spoil. */
    private record Target(String path, ObjectNode valid) {
    }

    private Target target() {
        return switch (random.nextInt(3)) {
            case 0 -> new Target(Api.SESSIONS, Spec.example("SessionStartSample"));
            case 1 -> new Target(Api.eventsPath(openSession), Api.event(
                    random.nextBoolean() ? "ping" : "adStart", 10, 1_509_045_325_153L));
            // The batch's sessionStart, spoilt, then put back into the batch by post().
            default -> new Target(Api.DOWNLOADED, Spec.example("SessionStartSample"));
        };
    }

    private HostileRequest post(String kind, String path, String contentType, byte[] body) {
        return post(kind, path, contentType, body, Refusal.PROBLEM);
    }

    private HostileRequest post(String kind, String path, String contentType, byte[] body, Refusal refusal) {
        byte[] sent = body;
        // Batches: the spoilt object as the first element, after which come valid events.
        if (path.equals(Api.DOWNLOADED) && body.length > 0 && body[0] == '{') {
            ArrayNode rest = Spec.arrayExample("DownloadedSession");
            rest.remove(0);
            String tail = rest.isEmpty() ? "" : "," + rest.toString().substring(1, rest.toString().length() - 1);
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            batch.writeBytes(bytes("["));
            batch.writeBytes(body);
            batch.writeBytes(bytes(tail + "]"));
            sent = batch.toByteArray();
        }
        List<String> headers = contentType == null ? List.of() : List.of("Content-Type: " + contentType);
        return request(kind, "POST", path, headers, sent, refusal);
    }

    /**
     * Quarkus refuses a target that {@code java.net.URI} rejects (a {@code %} without two hexadecimal digits after
     * it) before the service sees it; see docs/security.md.
     */
    private static final java.util.regex.Pattern UNDECODABLE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

    private static HostileRequest request(String kind, String method, String path, List<String> headers, byte[] body,
            Refusal refusal) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach(header -> head.append(header).append("\r\n"));
        if (body.length > 0 || method.equals("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        return new HostileRequest(kind, bytes(head.toString()), body.length == 0 ? List.of() : List.of(body), 0,
                false, UNDECODABLE.matcher(path).find() ? Refusal.BELOW_THE_SERVICE : refusal);
    }

    private int indexAfterQuote(byte[] json) {
        List<Integer> quotes = new ArrayList<>();
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '"') {
                quotes.add(i + 1);
            }
        }
        return quotes.get(random.nextInt(quotes.size()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
