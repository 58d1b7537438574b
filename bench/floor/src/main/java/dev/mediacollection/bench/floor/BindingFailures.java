package dev.mediacollection.bench.floor;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.mediacollection.generated.model.Violation;

/**
 * What Quarkus' Jackson reader cannot bind, answered as the contract says: {@code 400} with a problem document and
 * the CORS headers (Quarkus' own answers have neither).
 */
class BindingFailures {

    /** JSON that the generated model cannot hold: an unknown {@code eventType}, a string for a number, … */
    @ServerExceptionMapper
    Response notTheModel(MismatchedInputException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getFieldName() != null ? reference.getFieldName()
                    : String.valueOf(reference.getIndex()));
        }
        return Answers.refused(new Violation().pointer(pointer.toString()).detail(e.getOriginalMessage()));
    }

    /** The reader wraps what is not JSON at all; other failures keep Quarkus' answer. */
    @ServerExceptionMapper
    Response notJson(WebApplicationException e) {
        return e.getCause() instanceof JsonProcessingException json ? Answers.malformed(json.getOriginalMessage())
                : e.getResponse();
    }
}
