package io.spot.onboarding.common.handler;

import java.util.function.Supplier;
import org.json.JSONObject;

/**
 * What the shared machinery needs to know of one registry type: its schema and how to make its
 * generated classes. Each type declares one, and its wrapper and handlers are built from it.
 */
public record SpotType<M, C extends SpotCallbackContext>(
        TypeSchema schema, Supplier<M> emptyModel, Supplier<C> newCallbackContext) {

    /** @param schema the type's {@code Configuration::resourceSchemaJSONObject} */
    public static <M, C extends SpotCallbackContext> SpotType<M, C> of(
            final Supplier<JSONObject> schema, final Supplier<M> emptyModel, final Supplier<C> newCallbackContext) {
        return new SpotType<>(new TypeSchema(schema), emptyModel, newCallbackContext);
    }

    public String typeName() {
        return schema.typeName();
    }

    /** The resource's Spot account ID: every type's primary identifier is a Spot account's. */
    public String accountId(final M model) {
        final var value = ModelProperties.value(model, schema.identifierProperty());
        return value.isNull() ? null : value.asText();
    }
}
