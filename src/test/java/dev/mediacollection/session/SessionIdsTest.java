package dev.mediacollection.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class SessionIdsTest {

    static final List<Character> HEX_DIGITS = "0123456789abcdef".chars().mapToObj(c -> (char) c).toList();

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
    void everyPositionTakesEveryHexDigit() {
        // A given digit is missing from a given position of 1,000 random ids with probability (15/16)^1000, about
        // 9.4e-29; that any of the 64 x 16 pairs is missing, at most 1,024 times that: below 1e-25. A generator that
        // leaves part of the range out anywhere (a fixed or biased character, too few random bits) fails.
        List<String> ids = Stream.generate(SessionIds::next).limit(1_000).toList();
        for (int position = 0; position < 64; position++) {
            int at = position;
            assertThat(ids.stream().map(id -> id.charAt(at)).collect(Collectors.toSet()))
                    .as("digits at position %d", position)
                    .containsExactlyInAnyOrderElementsOf(HEX_DIGITS);
        }
    }

    @Test
    void wellFormedMeansWhatNextReturns() {
        assertThat(SessionIds.isWellFormed(SessionIds.next())).isTrue();
        assertThat(SessionIds.isWellFormed("A".repeat(64))).isFalse();
        assertThat(SessionIds.isWellFormed("a".repeat(63))).isFalse();
        assertThat(SessionIds.isWellFormed("../" + "a".repeat(61))).isFalse();
        assertThat(SessionIds.isWellFormed(null)).isFalse();
    }

    @Test
    void anIdPackedAmongOthersUnpacksAsItWas() {
        String first = SessionIds.next();
        String second = SessionIds.next();
        byte[] bytes = new byte[2 * SessionIds.BYTES];

        SessionIds.pack(first, bytes, 0);
        SessionIds.pack(second, bytes, SessionIds.BYTES);

        assertThat(SessionIds.unpack(bytes, 0)).isEqualTo(first);
        assertThat(SessionIds.unpack(bytes, SessionIds.BYTES)).isEqualTo(second);
    }
}
