package dev.mediacollection.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.mediacollection.support.Spec;
import dev.mediacollection.support.StreamContract;

/** What a consumer of the topic sees: each session's records in the order its partition holds them. */
final class TopicRecords {

    private final Map<String, List<JsonNode>> sessions = new LinkedHashMap<>();
    private final List<ConsumerRecord<String, String>> raw;

    TopicRecords(List<ConsumerRecord<String, String>> records) {
        this.raw = records;
        for (ConsumerRecord<String, String> record : records) {
            JsonNode value = parse(record.value());
            sessions.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(value);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return Spec.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("A record that is not JSON: " + json, e);
        }
    }

    /** A session's records, duplicates included. */
    List<JsonNode> of(String sessionId) {
        return sessions.getOrDefault(sessionId, List.of());
    }

    /** A session's records with the duplicates dropped, by (record, sequence), as the contract tells consumers. */
    List<JsonNode> deduplicated(String sessionId) {
        Set<String> seen = new HashSet<>();
        return of(sessionId).stream().filter(record -> seen.add(record.get("record").asText() + " "
                + record.get("sequence").asLong())).toList();
    }

    int duplicates() {
        return raw.size() - sessions.keySet().stream().mapToInt(session -> deduplicated(session).size()).sum();
    }

    /** Whether every acknowledged write (each session's sessionStart and events, by body) is on the topic. */
    boolean holdsAll(Map<String, Set<String>> acknowledged) {
        for (Map.Entry<String, Set<String>> session : acknowledged.entrySet()) {
            Set<JsonNode> bodies = new HashSet<>();
            of(session.getKey()).forEach(record -> bodies.add(record.path("body")));
            for (String body : session.getValue()) {
                if (!bodies.contains(parse(body))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Each session, its duplicates dropped, in the stream's order: its start, its events by consecutive sequence, a
     * close (if it closed) covering the events before it, and last; every record as the contract says, under its
     * session's key.
     */
    void assertEachSessionInOrderAndConforming() {
        for (ConsumerRecord<String, String> record : raw) {
            assertThat(StreamContract.violations(record.value())).as(record.value()).isEmpty();
            assertThat(parse(record.value()).get("sessionId").asText()).isEqualTo(record.key());
        }
        for (String session : sessions.keySet()) {
            List<JsonNode> records = deduplicated(session);
            assertThat(records.get(0).get("record").asText()).as("first record of %s", session)
                    .isIn("opened", "downloaded");
            long sequence = 0;
            for (JsonNode record : records.subList(1, records.size())) {
                if (record.get("record").asText().equals("closed")) {
                    assertThat(record.get("sequence").asLong()).as("the close of %s covers the events before it",
                            session).isEqualTo(sequence);
                } else {
                    assertThat(record.get("sequence").asLong()).as("events of %s in order", session)
                            .isEqualTo(++sequence);
                }
            }
            if (records.stream().anyMatch(record -> record.get("record").asText().equals("closed"))) {
                assertThat(records.get(records.size() - 1).get("record").asText()).as("%s ends with its close", session)
                        .isEqualTo("closed");
            }
        }
    }
}
