package dev.mediacollection.bench;

import java.io.File;
import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Prints, as one line of JSON, the value of a named example in the contract ({@code components.examples}), so that
 * the benchmark sends what the contract documents rather than a copy that could drift from it.
 *
 * <pre>java -cp … dev.mediacollection.bench.ContractExample openapi/openapi.yaml SessionStartSample</pre>
 */
public final class ContractExample {

    public static void main(String[] args) throws IOException {
        JsonNode example = new YAMLMapper().readTree(new File(args[0])).path("components").path("examples")
                .path(args[1]).path("value");
        if (example.isMissingNode()) {
            System.err.println(args[0] + " has no example named " + args[1]);
            System.exit(1);
        }
        System.out.println(new ObjectMapper().writeValueAsString(example));
    }
}
