package io.reactorbench.results;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper for results files. Unknown properties are ignored, so that additive schema changes
 * (new optional fields) keep old readers working; properties are written in declaration order, so files read
 * top-down in the order the schema document lists them.
 */
public final class ResultsJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final JsonMapper COMPACT = MAPPER.rebuild().disable(SerializationFeature.INDENT_OUTPUT).build();

    private ResultsJson() {
    }

    /** Pretty-printing mapper for whole files. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** Single-line mapper for JSON Lines files. */
    public static JsonMapper compact() {
        return COMPACT;
    }
}
