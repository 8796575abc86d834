package io.spot.onboarding.common.handler;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the shared machinery needs to know of one registry type: its name and its generated
 * classes. Each type declares one, and its wrapper and handlers are built from it.
 */
public record SpotType<M, C extends SpotCallbackContext>(
        String typeName,
        Class<M> modelClass,
        Class<C> callbackContextClass,
        Supplier<M> emptyModel,
        Supplier<C> newCallbackContext,
        Function<M, String> accountId) {}
