package io.spot.onboarding.runner.check;

import io.spot.onboarding.runner.eval.PseudoParameters;
import io.spot.onboarding.runner.eval.References;
import io.spot.onboarding.runner.spot.TypeUnavailableException;
import io.spot.onboarding.runner.template.Intrinsics;
import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.OutputDecl;
import io.spot.onboarding.runner.template.ResourceDecl;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.template.TemplateProblem;
import io.spot.onboarding.runner.template.TemplateValue;
import io.spot.onboarding.runner.types.ResourceType;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything CloudFormation checks before it creates the first resource, on every branch of every
 * condition: each name a template uses exists, each type is one the runner can run, each Spot
 * resource's properties fit its registry schema, and Fn::GetAtt reads only attributes the type
 * has. All problems are reported at once, each with its template line and path.
 */
public final class TemplateCheck {
    private final Template template;
    private final TypeRegistry types;
    private final List<TemplateProblem> problems = new ArrayList<>();
    private final Map<String, ResourceType> resolved = new LinkedHashMap<>();

    private TemplateCheck(final Template template, final TypeRegistry types) {
        this.template = template;
        this.types = types;
    }

    /** @throws TemplateException listing every problem found */
    public static void check(final Template template, final TypeRegistry types) {
        final TemplateCheck check = new TemplateCheck(template, types);
        check.run();
        if (!check.problems.isEmpty()) {
            throw new TemplateException(check.problems);
        }
    }

    private void run() {
        template.resources().values().forEach(this::resolveType);
        template.conditions().forEach((name, body) -> references(body, "Conditions/" + name, false));
        for (final ResourceDecl resource : template.resources().values()) {
            checkAttributes(resource);
            if (resource.properties() != null) {
                references(resource.properties(), resource.path() + "/Properties", true);
            }
            final ResourceType type = resolved.get(resource.logicalId());
            if (type != null) {
                new PropertyCheck(template, type.spec(), resource, problems).run();
            }
        }
        for (final OutputDecl output : template.outputs().values()) {
            if (output.condition() != null && !template.conditions().containsKey(output.condition())) {
                problem(
                        output.location(),
                        "Outputs/" + output.name() + "/Condition",
                        "condition " + output.condition() + " is not declared in Conditions");
            }
            references(output.value(), "Outputs/" + output.name() + "/Value", true);
        }
    }

    private void resolveType(final ResourceDecl resource) {
        try {
            resolved.put(resource.logicalId(), types.get(resource.type()));
        } catch (TypeUnavailableException e) {
            problem(resource.declaration().keyLocation("Type"), resource.path() + "/Type", e.getMessage());
        }
    }

    private void checkAttributes(final ResourceDecl resource) {
        if (resource.condition() != null && !template.conditions().containsKey(resource.condition())) {
            problem(
                    resource.declaration().keyLocation("Condition"),
                    resource.path() + "/Condition",
                    "condition " + resource.condition() + " is not declared in Conditions");
        }
        for (final String dependency : resource.dependsOn()) {
            if (dependency.equals(resource.logicalId())) {
                problem(
                        resource.declaration().keyLocation("DependsOn"),
                        resource.path() + "/DependsOn",
                        "a resource cannot depend on itself");
            } else if (!template.resources().containsKey(dependency)) {
                problem(
                        resource.declaration().keyLocation("DependsOn"),
                        resource.path() + "/DependsOn",
                        "DependsOn names " + dependency + ", which is not a resource of this template");
            }
        }
    }

    /** A function the runner cannot evaluate is refused now, not halfway through a deploy. */
    private void supportedFunctions(final TemplateValue value, final String path) {
        if (value instanceof TemplateValue.Sequence sequence) {
            sequence.items().forEach(item -> supportedFunctions(item, path));
        } else if (value instanceof TemplateValue.Mapping mapping) {
            mapping.intrinsicName()
                    .filter(name -> !Intrinsics.SUPPORTED.contains(name))
                    .ifPresent(name -> problem(
                            mapping.keyLocation(name),
                            path,
                            name + " is not supported by the local runner (it evaluates "
                                    + String.join(
                                            ", ",
                                            Intrinsics.SUPPORTED.stream()
                                                    .sorted()
                                                    .toList()) + ")"));
            mapping.entries().values().forEach(item -> supportedFunctions(item, path));
        }
    }

    private void references(final TemplateValue value, final String path, final boolean resourcesAllowed) {
        supportedFunctions(value, path);
        for (final References.Reference reference : References.all(value)) {
            switch (reference.kind()) {
                case CONDITION -> {
                    if (!template.conditions().containsKey(reference.target())) {
                        problem(
                                reference.location(),
                                path,
                                "condition " + reference.target() + " is not declared in Conditions");
                    }
                }
                case REF -> checkRef(reference, path, resourcesAllowed);
                case GET_ATT -> checkGetAtt(reference, path, resourcesAllowed);
                default -> throw new IllegalStateException(reference.kind().name());
            }
        }
    }

    private void checkRef(final References.Reference reference, final String path, final boolean resourcesAllowed) {
        final String target = reference.target();
        if (PseudoParameters.NAMES.contains(target) || template.parameters().containsKey(target)) {
            return;
        }
        if (template.resources().containsKey(target)) {
            if (!resourcesAllowed) {
                problem(reference.location(), path, "Conditions cannot refer to resources (" + target + ")");
            }
            return;
        }
        problem(
                reference.location(),
                path,
                "Ref to " + target + ", which is not a parameter, pseudo parameter or " + "resource of this template");
    }

    private void checkGetAtt(final References.Reference reference, final String path, final boolean resourcesAllowed) {
        final String target = reference.target();
        if (!template.resources().containsKey(target)) {
            problem(
                    reference.location(),
                    path,
                    "Fn::GetAtt of " + target + ", which is not a resource of this template");
            return;
        }
        if (!resourcesAllowed) {
            problem(reference.location(), path, "Conditions cannot refer to resources (" + target + ")");
            return;
        }
        final ResourceType type = resolved.get(target);
        if (type == null || reference.attribute() == null) {
            return;
        }
        if (!type.spec().attributes().contains(reference.attribute())) {
            final String attributes =
                    String.join(", ", type.spec().attributes().stream().sorted().toList());
            final String why = type.spec().properties().containsKey(reference.attribute())
                    ? reference.attribute() + " is a property the template sets, not a readOnly property of "
                            + type.name()
                    : type.name() + " has no attribute " + reference.attribute();
            problem(
                    reference.location(),
                    path,
                    "Fn::GetAtt " + target + "." + reference.attribute() + ": " + why + " (Fn::GetAtt can read: "
                            + attributes + ")");
        }
    }

    private void problem(final Location location, final String path, final String message) {
        problems.add(new TemplateProblem(Objects.requireNonNull(location), path, message));
    }
}
