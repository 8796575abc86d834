package io.spot.onboarding.runner.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A parsed template: its sections, in the order written. */
public record Template(
        String source,
        String description,
        Map<String, ParameterDecl> parameters,
        Map<String, TemplateValue> conditions,
        Map<String, ResourceDecl> resources,
        Map<String, OutputDecl> outputs) {

    public Template {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        conditions = Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    public ResourceDecl resource(final String logicalId) {
        return resources.get(logicalId);
    }
}
