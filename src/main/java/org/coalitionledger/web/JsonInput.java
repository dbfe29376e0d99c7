package org.coalitionledger.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the ledger reads JSON that users send, in request bodies (Spring's {@link ObjectMapper}) and import lines
 * alike: a key given twice in one object is refused rather than the last one silently winning, and a text field
 * takes only a JSON string — {@code 2024} or {@code true} where a date or a name belongs is refused, not turned into
 * text. {@link JsonProblems} words both refusals.
 */
@Configuration(proxyBeanMethods = false)
public class JsonInput {

    /** Spring's mapper for request bodies. */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(JsonInput::textOnlyFromStrings);
    }

    /** The same rules on a mapper of one's own (the import's); answers the mapper. */
    public static <M extends ObjectMapper> M strict(M mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        textOnlyFromStrings(mapper);
        return mapper;
    }

    private static void textOnlyFromStrings(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    }
}
