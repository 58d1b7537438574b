package dev.mediacollection.api;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.mediacollection.generated.model.DownloadedEvent;
import dev.mediacollection.generated.model.SessionStart;

/**
 * The contract's {@code SessionsRequest}: a {@code sessionStart} object, or (deprecated) a downloaded session as an
 * array. OpenAPI's {@code oneOf} of an object and an array has no Java counterpart, so the generator maps the schema
 * onto this type (see {@code schemaMappings} in pom.xml).
 */
@JsonDeserialize(using = SessionsRequest.Reader.class)
public sealed interface SessionsRequest {

    /** A live session opens with one {@code sessionStart}. */
    record Live(SessionStart start) implements SessionsRequest {
    }

    /** A downloaded session sent in the deprecated way. */
    record Downloaded(List<DownloadedEvent> events) implements SessionsRequest {
    }

    class Reader extends JsonDeserializer<SessionsRequest> {

        private static final TypeReference<List<DownloadedEvent>> EVENTS = new TypeReference<>() {
        };

        @Override
        public SessionsRequest deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode body = parser.readValueAsTree();
            return body.isArray()
                    ? new Downloaded(parser.getCodec().readValue(parser.getCodec().treeAsTokens(body), EVENTS))
                    : new Live(parser.getCodec().treeToValue(body, SessionStart.class));
        }
    }
}
