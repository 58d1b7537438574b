package dev.mediacollection.config;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service, which takes its settings from system properties, the environment and
 * application.properties, never from arguments. A setting typed after {@code -jar quarkus-run.jar} reaches the
 * program as an argument, not the JVM as a property: the service refuses to start rather than run with a setting
 * silently ignored.
 */
@QuarkusMain
public final class ServiceMain {

    /** The exit status of a command-line mistake. */
    static final int USAGE = 2;

    private ServiceMain() {
    }

    public static void main(String... args) {
        if (args.length > 0) {
            System.err.println(usage(args));
            System.exit(USAGE);
        }
        Quarkus.run(args);
    }

    static String usage(String... args) {
        String given = String.join(" ", args);
        String properties = Arrays.stream(args).filter(arg -> arg.startsWith("-D")).collect(Collectors.joining(" "));
        return "The service takes no arguments, and would ignore: " + given + "\n"
                + "Settings are system properties, written before -jar: java "
                + (properties.isEmpty() ? "-Dquarkus.http.port=8081" : properties)
                + " -jar target/quarkus-app/quarkus-run.jar\n"
                + "or environment variables: QUARKUS_HTTP_PORT=8081 java -jar target/quarkus-app/quarkus-run.jar\n"
                + "(see docs/configuration.md)";
    }
}
