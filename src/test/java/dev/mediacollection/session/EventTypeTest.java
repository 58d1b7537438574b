package dev.mediacollection.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.mediacollection.support.Spec;

class EventTypeTest {

    @Test
    void theDomainKnowsExactlyTheEventTypesOfTheContract() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::wireName))
                .containsExactlyElementsOf(Spec.eventSchemas().keySet());
    }

    @Test
    void wireNamesMapBack() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromWireName(type.wireName())).isSameAs(type);
        }
    }
}
