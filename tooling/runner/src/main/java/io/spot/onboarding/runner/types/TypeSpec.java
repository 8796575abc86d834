package io.spot.onboarding.runner.types;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a resource type accepts and offers, for the template check and for updates.
 *
 * @param properties the properties a template may set
 * @param required   properties the template must set
 * @param createOnly properties whose change replaces the resource
 * @param attributes what Fn::GetAtt may read
 * @param source     where this came from, for messages ("schema spot-onboarding-account.json")
 */
public record TypeSpec(
        String typeName,
        Map<String, PropertySpec> properties,
        Set<String> required,
        Set<String> createOnly,
        Set<String> attributes,
        String source) {

    public TypeSpec {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        required = Set.copyOf(required);
        createOnly = Set.copyOf(createOnly);
        attributes = Set.copyOf(attributes);
    }
}
