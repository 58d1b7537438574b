package dev.mediacollection.lint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mediacollection.session.CloseCause;
import dev.mediacollection.session.EventType;
import dev.mediacollection.session.Lifecycle;
import dev.mediacollection.session.ReceivedEvent;

/**
 * A session written in the notation of docs/lint.md ("Examples"), turned into what the linter reads, through the
 * same path a stored session takes ({@link LintEvent#of}, {@link LintSession#of}). Tokens, separated by spaces:
 * <ul>
 * <li>{@code type@t} an event whose {@code ts} is T0 + t seconds; events written at the same t are 1 ms apart in the
 * order written, unless marked {@code !} ({@code adStart@5!}: exactly t);</li>
 * <li>{@code /p} its playhead (0 when left out); {@code [k=v,…]} its params ({@code pos}, {@code idx}, {@code name}
 * stand for {@code media.ad.podPosition}, {@code media.chapter.index}, {@code media.state.name}; {@code starts=a+b}
 * and {@code ends=a+b} make a statesUpdate's lists); {@code {k=v,…}} its qoeData ({@code media.qoe.} may be left
 * out); {@code <r>} it arrived r seconds after T0 (else at its ts, never before the previous arrival);</li>
 * <li>{@code type@a..b+s}: the same event every s seconds from a to b ({@code ping@22..1812+10/12});</li>
 * <li>{@code live}, {@code downloaded}: the kind of session; {@code expire=idle} or {@code expire=stalled}: it
 * expired after its last event;</li>
 * <li>{@code earlier=s/p}: the same viewer's earlier session of the same content had its last event s seconds before
 * this sessionStart arrived, at playhead p ({@code earlier=s/p/complete}: and it had sent sessionComplete).</li>
 * </ul>
 * The sessionStart comes first and carries, unless its params say otherwise, a VOD of an hour named
 * {@code test-player}. T0 is 2025-11-26T09:00:00Z.
 */
final class SessionScript {

    static final long T0 = 1_764_147_600_000L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVENT = Pattern.compile(
            "(\\w+)@(-?[\\d.]+)(!)?(?:/(-?[\\d.e]+))?(?:\\[([^\\]]*)])?(?:\\{([^}]*)})?(?:<([\\d.]+)>)?");
    private static final Pattern EARLIER = Pattern.compile("earlier=([\\d.]+)/([\\d.]+)(/complete)?");
    private static final Pattern REPEATED = Pattern.compile("(\\w+)@(\\d+)\\.\\.(\\d+)\\+(\\d+)(.*)");
    private static final Map<String, String> SHORT_PARAMS = Map.of("pos", "media.ad.podPosition", "idx",
            "media.chapter.index", "name", "media.state.name");

    private SessionScript() {
    }

    static LintSession parse(String script) {
        return parse(script, false);
    }

    /** The same events, the last written arriving first: each arrives 1 ms after the one before it. */
    static LintSession parseArrivingInReverse(String script) {
        return parse(script, true);
    }

    private static LintSession parse(String script, boolean reverse) {
        boolean live = false;
        boolean downloaded = false;
        CloseCause expiry = null;
        Matcher earlier = null;
        List<ObjectNode> bodies = new ArrayList<>();
        List<Instant> arrivals = new ArrayList<>();
        Map<String, Integer> sameSecond = new HashMap<>();
        Instant lastArrival = Instant.ofEpochMilli(T0);
        for (String token : expanded(script.trim().split("\\s+"))) {
            switch (token) {
                case "live" -> live = true;
                case "downloaded" -> downloaded = true;
                case "expire=idle" -> expiry = CloseCause.IDLE;
                case "expire=stalled" -> expiry = CloseCause.STALLED;
                default -> {
                    Matcher earlierSession = EARLIER.matcher(token);
                    if (earlierSession.matches()) {
                        earlier = earlierSession;
                        continue;
                    }
                    Matcher event = EVENT.matcher(token);
                    if (!event.matches()) {
                        throw new IllegalArgumentException("Not an event: " + token);
                    }
                    String second = event.group(2);
                    long offset = event.group(3) != null ? 0 : sameSecond.merge(second, 1, Integer::sum) - 1;
                    long ts = T0 + Math.round(Double.parseDouble(second) * 1000) + offset;
                    ObjectNode body = body(event.group(1), ts, event.group(4), event.group(5), event.group(6));
                    Instant arrival = event.group(7) != null
                            ? Instant.ofEpochMilli(T0 + Math.round(Double.parseDouble(event.group(7)) * 1000))
                            : max(lastArrival, Instant.ofEpochMilli(ts));
                    bodies.add(body);
                    arrivals.add(arrival);
                    lastArrival = arrival;
                }
            }
        }
        ObjectNode start = bodies.get(0);
        if (!"sessionStart".equals(start.path("eventType").asText())) {
            throw new IllegalArgumentException("A script starts with sessionStart: " + script);
        }
        ObjectNode params = start.with("params");
        params.put("media.id", "lint-example");
        if (!params.has("media.length")) {
            params.put("media.length", 3600);
        }
        if (!params.has("media.contentType")) {
            params.put("media.contentType", live ? "live" : "vod");
        }
        if (!params.has("media.playerName")) {
            params.put("media.playerName", "test-player");
        }
        if (downloaded) {
            params.put("media.downloaded", true);
        }
        if (reverse) {
            Collections.reverse(bodies.subList(1, bodies.size()));
            for (int i = 0; i < arrivals.size(); i++) {
                arrivals.set(i, Instant.ofEpochMilli(T0 + i));
            }
        }
        LintSession session = session(bodies, arrivals, downloaded, expiry);
        if (earlier == null) {
            return session;
        }
        Instant lastEventAt = arrivals.get(0).minusMillis(Math.round(Double.parseDouble(earlier.group(1)) * 1000));
        return session.withEarlier(new EarlierViewing("the-earlier-session", lastEventAt,
                Double.parseDouble(earlier.group(2)), earlier.group(3) != null));
    }

    /** Each repeated event ({@code ping@22..1812+10/12}) written out. */
    private static List<String> expanded(String[] tokens) {
        List<String> expanded = new ArrayList<>();
        for (String token : tokens) {
            Matcher repeated = REPEATED.matcher(token);
            if (!repeated.matches()) {
                expanded.add(token);
                continue;
            }
            long step = Long.parseLong(repeated.group(4));
            for (long second = Long.parseLong(repeated.group(2)); second <= Long.parseLong(repeated.group(3));
                    second += step) {
                expanded.add(repeated.group(1) + "@" + second + repeated.group(5));
            }
        }
        return expanded;
    }

    private static LintSession session(List<ObjectNode> bodies, List<Instant> arrivals, boolean downloaded,
            CloseCause expiry) {
        ReceivedEvent start = received(bodies.get(0), arrivals.get(0));
        Lifecycle lifecycle = Lifecycle.opened(start.receivedAt(), start.playhead());
        List<LintEvent> events = new ArrayList<>();
        for (int i = 1; i < bodies.size(); i++) {
            ReceivedEvent event = received(bodies.get(i), arrivals.get(i));
            events.add(LintEvent.of(i, event));
            if (lifecycle.state().takesEvents()) {
                lifecycle = lifecycle.after(event);
            }
        }
        if (downloaded) {
            lifecycle = lifecycle.closedAsDownloaded(lifecycle.lastEventAt());
        } else if (expiry != null) {
            lifecycle = lifecycle.expired(new Lifecycle.Expiry(expiry, lifecycle.lastEventAt()));
        }
        return LintSession.of(LintEvent.of(0, start), events, lifecycle.closeCause());
    }

    private static ReceivedEvent received(ObjectNode body, Instant at) {
        return new ReceivedEvent(EventType.fromWireName(body.path("eventType").asText()),
                body.path("playerTime").path("playhead").asDouble(), body.path("playerTime").path("ts").asLong(), at,
                body.toString());
    }

    private static ObjectNode body(String type, long ts, String playhead, String params, String qoe) {
        ObjectNode body = JSON.createObjectNode();
        body.put("eventType", type);
        body.putObject("playerTime").put("playhead", playhead == null ? 0 : Double.parseDouble(playhead)).put("ts",
                ts);
        if (params != null) {
            ObjectNode object = body.putObject("params");
            for (String pair : pairs(params)) {
                String key = key(pair);
                String value = value(pair);
                if (key.equals("starts") || key.equals("ends")) {
                    ArrayNode states = object.putArray(key.equals("starts") ? "statesStart" : "statesEnd");
                    for (String name : value.split("\\+")) {
                        states.addObject().put("media.state.name", name);
                    }
                } else {
                    put(object, SHORT_PARAMS.getOrDefault(key, key), value);
                }
            }
        }
        if (qoe != null) {
            ObjectNode object = body.putObject("qoeData");
            for (String pair : pairs(qoe)) {
                String key = key(pair);
                put(object, key.contains(".") ? key : "media.qoe." + key, value(pair));
            }
        }
        return body;
    }

    private static String[] pairs(String list) {
        return list.isEmpty() ? new String[0] : list.split(",");
    }

    private static String key(String pair) {
        return pair.substring(0, pair.indexOf('='));
    }

    private static String value(String pair) {
        return pair.substring(pair.indexOf('=') + 1);
    }

    private static void put(ObjectNode object, String key, String value) {
        if (value.equals("true") || value.equals("false")) {
            object.put(key, Boolean.parseBoolean(value));
        } else if (value.matches("-?\\d+(\\.\\d+)?")) {
            object.put(key, Double.parseDouble(value));
        } else {
            object.put(key, value);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
