package io.spot.onboarding.common.wrapper;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.type.TypeFactory;
import java.lang.reflect.Type;

/**
 * The plugin asks each wrapper for {@link TypeReference}s, which cfn's generated code writes out
 * per type; built here from the type's classes, so one wrapper serves all four types.
 */
final class TypeReferences {

    private TypeReferences() {}

    static <T> TypeReference<T> of(final Class<?> raw, final Class<?>... parameters) {
        final Type type =
                parameters.length == 0 ? raw : TypeFactory.defaultInstance().constructParametricType(raw, parameters);
        return new TypeReference<T>() {
            @Override
            public Type getType() {
                return type;
            }
        };
    }
}
