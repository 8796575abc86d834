package io.spot.onboarding.common.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Map;

/**
 * A generated model's properties by their schema names ({@code "AccountId"}), so the checks that
 * the schema drives ({@link TypeSchema}) are written once for every type's {@code ResourceModel}.
 */
final class ModelProperties {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelProperties() {}

    /** The property's value, {@link NullNode} when the model is null or leaves it out. */
    static JsonNode value(final Object model, final String property) {
        if (model == null) {
            return NullNode.getInstance();
        }
        final JsonNode value = MAPPER.valueToTree(model).get(property);
        return value == null ? NullNode.getInstance() : value;
    }

    /** Sets the property on the model itself, so every holder of the model sees it. */
    static void set(final Object model, final String property, final JsonNode value) {
        try {
            MAPPER.updateValue(model, Map.of(property, value));
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            throw new IllegalStateException(
                    "cannot set " + property + " on " + model.getClass().getName(), e);
        }
    }
}
