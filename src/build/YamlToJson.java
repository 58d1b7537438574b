import java.io.File;
import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Build step (pom.xml, exec-maven-plugin): writes the contract as JSON beside the YAML in the jar, so that the service
 * reads JSON at start-up. Reading the YAML took 0.3 s of CPU at every start (SnakeYAML's first use); the same
 * document as JSON takes a sixth of that (docs/performance.md). Usage: java YamlToJson.java in.yaml out.json
 */
public class YamlToJson {

    public static void main(String[] args) throws IOException {
        File json = new File(args[1]);
        json.getParentFile().mkdirs();
        new ObjectMapper().writeValue(json, new ObjectMapper(new YAMLFactory()).readTree(new File(args[0])));
    }
}
