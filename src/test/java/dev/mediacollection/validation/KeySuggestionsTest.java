package dev.mediacollection.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySuggestionsTest {

    static final List<String> KNOWN = List.of("media.length", "media.id", "media.name", "media.channel",
            "analytics.reportSuite", "media.qoe.bitrate", "media.ad.id");

    @ParameterizedTest
    @CsvSource({
            "media.lenght, media.length", // swapped neighbours
            "media.lengh, media.length", // missing letter
            "media.iD, media.id", // case
            "analytics.reportsuite, analytics.reportSuite",
            "media.qoe.bitRate, media.qoe.bitrate",
            "media.chanel, media.channel",
            "bitrate, media.qoe.bitrate", // Adobe's timeline samples leave the prefix out
            "reportSuite, analytics.reportSuite" })
    void suggestsTheKeyMeant(String typed, String meant) {
        assertThat(KeySuggestions.closest(typed, KNOWN)).isEqualTo(meant);
    }

    @ParameterizedTest
    @CsvSource({ "somethingElse", "media.duration", "x", "id" })
    void staysQuietWhenNothingIsClose(String typed) {
        assertThat(KeySuggestions.closest(typed, KNOWN)).isNull();
    }

    @Test
    void ignoresCaseTheSameWayWhateverTheDefaultLocale() {
        Locale jvmDefault = Locale.getDefault();
        // Turkish lower-cases I to a dotless ı: "BITRATE" would no longer end any known key.
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertThat(KeySuggestions.closest("BITRATE", KNOWN)).isEqualTo("media.qoe.bitrate");
        } finally {
            Locale.setDefault(jvmDefault);
        }
    }
}
