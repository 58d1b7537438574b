package dev.mediacollection.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service under the validation profiles other than the default ({@code lenient}). Every Quarkus test profile
 * restarts the service, so tests share these two rather than making their own.
 */
public final class ValidationProfiles {

    private ValidationProfiles() {
    }

    /** {@code mc.validation.profile=adobe}. */
    public static class Adobe implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mc.validation.profile", "adobe");
        }
    }

    /** {@code mc.validation.profile=strict}: every rule of the contract refuses. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mc.validation.profile", "strict");
        }
    }
}
