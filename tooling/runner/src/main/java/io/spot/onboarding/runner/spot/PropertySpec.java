package io.spot.onboarding.runner.spot;

import java.util.List;
import java.util.Set;

/**
 * What a Spot type accepts for one property, as far as the template check needs it.
 *
 * @param jsonTypes the JSON schema types allowed ("string", "object", ...); empty: anything
 * @param allowed   the enum values; empty: any
 * @param pattern   a regular expression string values must match, or null
 */
public record PropertySpec(String name, Set<String> jsonTypes, List<String> allowed, String pattern) {

    public PropertySpec {
        jsonTypes = Set.copyOf(jsonTypes);
        allowed = List.copyOf(allowed);
    }
}
