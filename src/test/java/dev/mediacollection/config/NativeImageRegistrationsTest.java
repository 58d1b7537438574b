package dev.mediacollection.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.mediacollection.generated.model.MediaEvent;
import dev.mediacollection.generated.model.Problem;
import dev.mediacollection.generated.model.SessionStateName;
import dev.mediacollection.metrics.MediaMetrics;

class NativeImageRegistrationsTest {

    private static final String MODEL_PACKAGE = Problem.class.getPackageName();

    /**
     * A schema added to the contract gives a model that the native image cannot bind unless the generator annotates
     * it: classes, enums and the event unions' interfaces each come from a template of their own.
     */
    @Test
    void everyGeneratedModelIsRegisteredForReflection() throws IOException, URISyntaxException {
        List<Class<?>> models = generatedModels();

        assertThat(models).contains(Problem.class, SessionStateName.class, MediaEvent.class);
        assertThat(models).allSatisfy(model -> assertThat(model.isAnnotationPresent(RegisterForReflection.class))
                .as("%s carries @RegisterForReflection", model.getName()).isTrue());
    }

    /** The read-back converts the metrics into the contract's model through Jackson, nested records included. */
    @Test
    void theMetricsAndTheirNestedRecordsAreRegisteredForReflection() {
        List<Class<?>> registered = Arrays.asList(registrations().targets());

        assertThat(registered).contains(MediaMetrics.class).contains(MediaMetrics.class.getDeclaredClasses());
    }

    private static RegisterForReflection registrations() {
        return NativeImageRegistrations.class.getAnnotation(RegisterForReflection.class);
    }

    private static List<Class<?>> generatedModels() throws IOException, URISyntaxException {
        Path classes = Path.of(Problem.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path models = classes.resolve(MODEL_PACKAGE.replace('.', '/'));
        try (Stream<Path> files = Files.list(models)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .sorted()
                    .<Class<?>>map(name -> load(MODEL_PACKAGE + "." + name.substring(0, name.length() - ".class".length())))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeImageRegistrationsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
