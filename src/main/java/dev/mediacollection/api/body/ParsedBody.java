package dev.mediacollection.api.body;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A request body: its bytes, its JSON tree, and for a top-level array where each element lies in the bytes, so
 * that each element can be kept exactly as it was sent.
 */
record ParsedBody(byte[] bytes, JsonNode tree, int[] elementStarts, int[] elementEnds) {

    String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    String elementText(int index) {
        return new String(bytes, elementStarts[index], elementEnds[index] - elementStarts[index],
                StandardCharsets.UTF_8);
    }
}
