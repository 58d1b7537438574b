package dev.mediacollection.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.mediacollection.metrics.MediaMetrics;

/**
 * Our own types that Jackson reads by reflection, declared for the native image (the JVM needs none of this):
 * {@link MediaMetrics} (with its nested records) is converted into the generated {@code Metrics}. The generated
 * models carry {@code @RegisterForReflection} themselves (the generator's {@code additional*TypeAnnotations} in
 * pom.xml), since the resources answer {@code Response} and Quarkus cannot see which models they write;
 * {@code NativeImageRegistrationsTest} fails when one does not. Everything else we serialize is a {@code JsonNode}
 * tree or a {@code Map}, which need no registration.
 */
@RegisterForReflection(targets = { MediaMetrics.class, MediaMetrics.Core.class, MediaMetrics.Ads.class,
        MediaMetrics.Chapters.class, MediaMetrics.Quality.class, MediaMetrics.PlayerStates.class,
        MediaMetrics.StateMetrics.class })
public final class NativeImageRegistrations {

    private NativeImageRegistrations() {
    }
}
