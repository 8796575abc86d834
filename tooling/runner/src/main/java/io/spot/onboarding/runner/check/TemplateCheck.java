package io.spot.onboarding.runner.check;

import io.spot.onboarding.runner.eval.PseudoParameters;
import io.spot.onboarding.runner.eval.References;
import io.spot.onboarding.runner.spot.SchemaSpec;
import io.spot.onboarding.runner.spot.SpotHandlerType;
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
 * What cfn-lint cannot see, checked after it (see {@link CfnLint}) and before anything runs: each
 * type is one the runner can run, each function, pseudo parameter and parameter type one it
 * evaluates, and each
 * Spot resource fits its registry schema (properties, and Fn::GetAtt of readOnly properties only),
 * which cfn-lint loads but does not apply; and an Account that leaves its name to an AccountAlias
 * has one ({@link AliasPairing}). All problems are reported at once, each with its
 * template line and path.
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
        template.parameters().values().stream()
                .filter(parameter -> !parameter.isString())
                .forEach(parameter -> problem(
                        parameter.location(),
                        "Parameters/" + parameter.name() + "/Type",
                        parameter.type() + " parameters are not supported by the local runner (it evaluates String "
                                + "parameters)"));
        template.resources().values().forEach(this::resolveType);
        template.conditions().forEach((name, body) -> references(body, "Conditions/" + name));
        for (final ResourceDecl resource : template.resources().values()) {
            if (resource.properties() != null) {
                references(resource.properties(), resource.path() + "/Properties");
            }
            if (resolved.get(resource.logicalId()) instanceof SpotHandlerType spot) {
                new PropertyCheck(template, spot.schema(), resource, problems).run();
            }
        }
        for (final OutputDecl output : template.outputs().values()) {
            references(output.value(), "Outputs/" + output.name() + "/Value");
        }
        new AliasPairing(template, problems).run();
    }

    private void resolveType(final ResourceDecl resource) {
        try {
            resolved.put(resource.logicalId(), types.get(resource.type()));
        } catch (TypeUnavailableException e) {
            problem(resource.declaration().keyLocation("Type"), resource.path() + "/Type", e.getMessage());
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

    private void references(final TemplateValue value, final String path) {
        supportedFunctions(value, path);
        for (final References.Reference reference : References.all(value)) {
            switch (reference.kind()) {
                case REF -> pseudoParameter(reference, path);
                case GET_ATT -> spotAttribute(reference, path);
                case CONDITION -> {
                    // cfn-lint checks that every condition named is declared.
                }
                default -> throw new IllegalStateException(reference.kind().name());
            }
        }
    }

    /** cfn-lint knows every pseudo parameter; the runner evaluates those the templates use. */
    private void pseudoParameter(final References.Reference reference, final String path) {
        final String target = reference.target();
        if (target.startsWith("AWS::") && !PseudoParameters.NAMES.contains(target)) {
            problem(
                    reference.location(),
                    path,
                    target + " is not supported by the local runner (it evaluates "
                            + String.join(
                                    ", ",
                                    PseudoParameters.NAMES.stream().sorted().toList()) + ")");
        }
    }

    private void spotAttribute(final References.Reference reference, final String path) {
        if (!(resolved.get(reference.target()) instanceof SpotHandlerType spot) || reference.attribute() == null) {
            return;
        }
        final SchemaSpec schema = spot.schema();
        if (!schema.readOnly().contains(reference.attribute())) {
            final String attributes =
                    String.join(", ", schema.readOnly().stream().sorted().toList());
            final String why = schema.properties().containsKey(reference.attribute())
                    ? reference.attribute() + " is a property the template sets, not a readOnly property of "
                            + schema.typeName()
                    : schema.typeName() + " has no attribute " + reference.attribute();
            problem(
                    reference.location(),
                    path,
                    "Fn::GetAtt " + reference.target() + "." + reference.attribute() + ": " + why
                            + " (Fn::GetAtt can read: " + attributes + ")");
        }
    }

    private void problem(final Location location, final String path, final String message) {
        problems.add(new TemplateProblem(Objects.requireNonNull(location), path, message));
    }
}
