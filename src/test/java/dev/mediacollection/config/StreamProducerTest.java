package dev.mediacollection.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mc.relay.url}: what the service takes as an upstream's base URL, and how it logs it. */
class StreamProducerTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://mynamespace.hb-api.omtrdc.net", "http://127.0.0.1:8081",
            "https://collector.example.com/va/", " HTTPS://Upper.example.com " })
    void anAbsoluteHttpOrHttpsUrlIsTaken(String setting) {
        assertThat(StreamProducer.upstreamUrl(setting)).isEqualTo(URI.create(setting.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "mynamespace.hb-api.omtrdc.net", "/api/v1", "ftp://example.com",
            "https://example.com/?x=1", "https://example.com/#top", "http:///nohost", "http://exa mple.com" })
    void anythingElseIsRefusedAtStartUpSayingWhatIsExpected(String setting) {
        assertThatThrownBy(() -> StreamProducer.upstreamUrl(setting))
                .hasMessageStartingWith("mc.relay.url must be the base URL of a Media Collection API")
                .hasMessageEndingWith("not \"" + setting + "\"");
    }

    @ParameterizedTest
    @CsvSource({ "https://ns.hb-api.omtrdc.net, https://ns.hb-api.omtrdc.net",
            "https://relay:s3cret@collector.internal:8443/va, https://collector.internal:8443/va" })
    void theLoggedUrlHasNoCredentials(String url, String logged) {
        assertThat(StreamProducer.withoutUserInfo(URI.create(url))).isEqualTo(logged).doesNotContain("s3cret");
    }
}
