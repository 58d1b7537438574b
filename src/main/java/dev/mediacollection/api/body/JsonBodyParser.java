package dev.mediacollection.api.body;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.mediacollection.api.problem.ProblemException;
import dev.mediacollection.api.problem.ProblemType;

/**
 * Parses request bodies into JSON trees, turning every way a body can fail to be JSON into a {@code 400} problem
 * that says where (line and column) and what, without parser internals.
 */
@ApplicationScoped
class JsonBodyParser {

    // Parser messages may quote internals: a source description, a `Feature` or `Class` name. Those go.
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source:.*|\\s*\\n.*",
            Pattern.DOTALL);

    private final ObjectMapper mapper;

    JsonBodyParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ParsedBody parse(byte[] body) {
        if (!isUtf8(body)) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body must be encoded as UTF-8.");
        }
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ProblemException(ProblemType.MALFORMED_JSON,
                        "The request body is empty; send a JSON object.");
            }
            ParsedBody parsed = first == JsonToken.START_ARRAY ? parseArray(parser, body)
                    : new ParsedBody(body, mapper.readTree(parser), null, null);
            if (parser.nextToken() != null) {
                throw malformed(parser.currentTokenLocation(), "unexpected content after the JSON value");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation(), describe(e));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_JSON, "The request body could not be read as JSON.");
        }
    }

    /** Element by element, noting where each lies in the bytes. */
    private ParsedBody parseArray(JsonParser parser, byte[] body) throws IOException {
        ArrayNode array = mapper.createArrayNode();
        IntStream.Builder starts = IntStream.builder();
        IntStream.Builder ends = IntStream.builder();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == null) {
                throw malformed(parser.currentLocation(), "unexpected end-of-input: expected close marker for Array");
            }
            starts.add((int) parser.currentTokenLocation().getByteOffset());
            array.add((JsonNode) mapper.readTree(parser));
            ends.add((int) parser.currentLocation().getByteOffset());
        }
        return new ParsedBody(body, array, starts.build().toArray(), ends.build().toArray());
    }

    /**
     * RFC 8259: JSON between systems is UTF-8. A UTF-16 byte-order mark, a NUL in the first two bytes (UTF-16 or
     * UTF-32), or any ill-formed UTF-8 sequence is a body the parser might decode but the stored copy would garble.
     */
    private static boolean isUtf8(byte[] body) {
        if (body.length >= 2) {
            int first = body[0] & 0xFF;
            int second = body[1] & 0xFF;
            if (first == 0 || second == 0 || (first == 0xFE && second == 0xFF) || (first == 0xFF && second == 0xFE)) {
                return false;
            }
        }
        return isAscii(body) || decodesStrictly(body);
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Jackson decodes overlong forms and bytes beyond U+10FFFF without complaint, and the stored text would then
     * differ from what was sent: the JDK's decoder refuses every ill-formed sequence.
     */
    private static boolean decodesStrictly(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static ProblemException malformed(JsonLocation location, String reason) {
        String where = location == null || location.getLineNr() < 1
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return new ProblemException(ProblemType.MALFORMED_JSON, "Invalid JSON" + where + ": " + reason);
    }

    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : SOURCE.matcher(e.getOriginalMessage()).replaceAll("");
        int internal = message.indexOf('`');
        if (internal >= 0) {
            // Keep the clause before the one that names an internal.
            message = message.substring(0, Math.max(0, Math.max(message.lastIndexOf(':', internal),
                    message.lastIndexOf('(', internal)))).trim();
        }
        if (message.isBlank()) {
            return "not a valid JSON document";
        }
        return Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }
}
