package dev.mediacollection.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.mediacollection.session.SessionIds;

class PackedIdsTest {

    @Test
    void packedIdsReadBackAsTheyWereInTheirOrder() {
        List<String> ids = IntStream.range(0, 200).mapToObj(i -> SessionIds.next()).toList();

        PackedIds packed = PackedIds.of(ids);

        assertThat(packed.size()).isEqualTo(200);
        assertThat(IntStream.range(0, packed.size()).mapToObj(packed::get).toList()).isEqualTo(ids);
    }
}
