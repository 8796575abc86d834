package io.spot.onboarding.runner.template;

import java.util.List;

/**
 * A resource as declared.
 *
 * @param properties  null when the template gives none
 * @param dependsOn   explicit DependsOn only; implicit ones come from the references in properties
 * @param condition   the condition name, or null
 */
public record ResourceDecl(
        String logicalId,
        String type,
        TemplateValue.Mapping properties,
        List<String> dependsOn,
        String condition,
        String deletionPolicy,
        TemplateValue.Mapping declaration) {

    public ResourceDecl {
        dependsOn = List.copyOf(dependsOn);
    }

    public Location location() {
        return declaration.location();
    }

    public String path() {
        return "Resources/" + logicalId;
    }
}
