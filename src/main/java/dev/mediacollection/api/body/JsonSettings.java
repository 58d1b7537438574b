package dev.mediacollection.api.body;

import jakarta.inject.Singleton;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Parser rules for request bodies: a duplicate key is an error (which value would count is ambiguous), and parser
 * limits sit far above any valid body but far below what a hostile one could make the parser allocate. And one
 * writing rule: a {@code null} inside a map (a body read back, {@code "media.id": null}) is written, since it is
 * what was sent; only absent model fields are left out ({@code quarkus.jackson.serialization-inclusion}).
 */
@Singleton
class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64)
                .maxNumberLength(64)
                .build());
        mapper.configOverride(Map.class).setInclude(
                JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));
    }
}
