package dev.mediacollection.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.flywaydb.core.extensibility.Plugin;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.annotations.RegisterForReflection;

class FlywayNativeRegistrationsTest {

    /** ServiceLoader in the native image would fail on a provider that cannot be constructed there. */
    @Test
    void everyFlywayPluginOnTheClasspathIsRegisteredForReflection() throws IOException {
        List<String> registered = List.of(
                FlywayNativeRegistrations.class.getAnnotation(RegisterForReflection.class).classNames());

        assertThat(registered).containsExactlyInAnyOrderElementsOf(pluginProviders());
    }

    private static List<String> pluginProviders() throws IOException {
        List<String> providers = new ArrayList<>();
        for (URL file : Collections.list(FlywayNativeRegistrationsTest.class.getClassLoader()
                .getResources("META-INF/services/" + Plugin.class.getName()))) {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
                lines.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .forEach(providers::add);
            }
        }
        assertThat(providers).as("Flyway plugins on the classpath").isNotEmpty();
        return providers;
    }
}
