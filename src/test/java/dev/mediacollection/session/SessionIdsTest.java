package dev.mediacollection.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class SessionIdsTest {

    @Test
    void idsAre64LowercaseHexCharacters() {
        assertThat(SessionIds.next()).matches("[0-9a-f]{64}");
    }

    @Test
    void idsDoNotRepeatAcrossThreads() {
        Set<String> ids = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 100_000).parallel().forEach(i -> ids.add(SessionIds.next()));
        assertThat(ids).hasSize(100_000);
    }

    @Test
    void idsUseEveryHexDigit() {
        // 256 random bits: over many ids every hex digit shows up in every position.
        StringBuilder all = new StringBuilder();
        IntStream.range(0, 200).forEach(i -> all.append(SessionIds.next()));
        assertThat(all.chars().distinct().count()).isEqualTo(16);
    }

    @Test
    void wellFormedMeansWhatNextReturns() {
        assertThat(SessionIds.isWellFormed(SessionIds.next())).isTrue();
        assertThat(SessionIds.isWellFormed("A".repeat(64))).isFalse();
        assertThat(SessionIds.isWellFormed("a".repeat(63))).isFalse();
        assertThat(SessionIds.isWellFormed("../" + "a".repeat(61))).isFalse();
        assertThat(SessionIds.isWellFormed(null)).isFalse();
    }
}
