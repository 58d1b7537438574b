package dev.mediacollection.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PostgreSQL address the service logs at start-up never carries credentials. */
class StoreProducerTest {

    @ParameterizedTest
    @CsvSource({
            "jdbc:postgresql://db.internal:5432/mc, jdbc:postgresql://db.internal:5432/mc",
            "jdbc:postgresql://db.internal:5432/mc?user=mc&password=s3cret, jdbc:postgresql://db.internal:5432/mc",
            "jdbc:postgresql://mc:s3cret@db.internal:5432/mc, jdbc:postgresql://db.internal:5432/mc",
            "'jdbc:postgresql://mc:s3cret@db1:5432,db2:5432/mc?sslmode=require', 'jdbc:postgresql://db1:5432,db2:5432/mc'" })
    void theLoggedAddressHasNoCredentials(String url, String logged) {
        assertThat(StoreProducer.withoutCredentials(url)).isEqualTo(logged).doesNotContain("s3cret");
    }
}
