package io.spot.onboarding.runner.check;

import io.spot.onboarding.runner.spot.PropertySpec;
import io.spot.onboarding.runner.spot.SchemaSpec;
import io.spot.onboarding.runner.template.Intrinsics;
import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.ParameterDecl;
import io.spot.onboarding.runner.template.ResourceDecl;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateProblem;
import io.spot.onboarding.runner.template.TemplateValue;
import io.spot.onboarding.runner.template.TemplateValue.Mapping;
import io.spot.onboarding.runner.template.TemplateValue.Scalar;
import io.spot.onboarding.runner.template.TemplateValue.Sequence;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Spot resource's Properties against its registry schema: unknown and read-only properties,
 * missing required ones, and values of the wrong JSON type, outside the enum or not matching the
 * pattern. cfn-lint loads the schemas given with --registry-schemas but does not validate a
 * resource against them (cfn-lint 1.51 validates only types it knows per region), so the runner does. A value
 * an intrinsic computes is checked as far as it can be known before the stack runs (what a
 * function returns, which values a parameter allows); the handler's own schema validation
 * catches the rest at run time.
 */
final class PropertyCheck {
    /** The JSON type each intrinsic returns, where it is fixed. */
    private static final Map<String, String> RETURNS = Map.of(Intrinsics.SUB, "string");

    private final Template template;
    private final SchemaSpec spec;
    private final ResourceDecl resource;
    private final List<TemplateProblem> problems;

    PropertyCheck(
            final Template template,
            final SchemaSpec spec,
            final ResourceDecl resource,
            final List<TemplateProblem> problems) {
        this.template = template;
        this.spec = spec;
        this.resource = resource;
        this.problems = problems;
    }

    void run() {
        final Mapping properties = resource.properties();
        final String base = resource.path() + "/Properties";
        for (final String required : spec.required().stream().sorted().toList()) {
            if (properties == null || properties.get(required) == null) {
                problem(
                        properties == null ? resource.location() : properties.location(),
                        base,
                        "required property " + required + " is missing (" + spec.typeName() + ", " + spec.source()
                                + ")");
            }
        }
        if (properties == null) {
            return;
        }
        properties.entries().forEach((name, value) -> {
            final PropertySpec property = spec.properties().get(name);
            if (property == null) {
                problem(properties.keyLocation(name), base + "/" + name, unknown(name));
            } else {
                value(property, value, base + "/" + name);
            }
        });
    }

    private String unknown(final String name) {
        if (spec.readOnly().contains(name)) {
            return name + " is read-only in " + spec.typeName() + ": the resource sets it; read it with !GetAtt "
                    + resource.logicalId() + "." + name;
        }
        return "unknown property " + name + " (" + spec.typeName() + " accepts "
                + String.join(", ", spec.properties().keySet().stream().sorted().toList()) + ")";
    }

    private void value(final PropertySpec property, final TemplateValue value, final String path) {
        if (property.jsonTypes().isEmpty()) {
            return;
        }
        if (value instanceof Mapping mapping
                && mapping.intrinsicName()
                        .filter(n -> !Intrinsics.CONDITION.equals(n))
                        .isPresent()) {
            intrinsic(property, mapping, path);
            return;
        }
        final String kind = literalKind(value);
        if (!accepts(property.jsonTypes(), kind, value)) {
            problem(
                    value.location(),
                    path,
                    "wrong type: " + property.name() + " must be " + describe(property) + ", got " + article(kind));
            return;
        }
        if (value instanceof Scalar scalar && scalar.kind() != Scalar.Kind.NULL) {
            allowedValue(property, scalar.text(), value.location(), path, "'" + scalar.text() + "'");
        }
    }

    private void intrinsic(final PropertySpec property, final Mapping call, final String path) {
        final String function = call.intrinsicName().orElseThrow();
        final TemplateValue argument = call.get(function);
        if (Intrinsics.IF.equals(function)
                && argument instanceof Sequence branches
                && branches.items().size() == 3) {
            value(property, branches.items().get(1), path);
            value(property, branches.items().get(2), path);
            return;
        }
        if (Intrinsics.REF.equals(function) && argument instanceof Scalar name) {
            final ParameterDecl parameter = template.parameters().get(name.text());
            if (parameter != null) {
                parameter(property, parameter, call.location(), path);
            }
            return;
        }
        final String returns = RETURNS.get(function);
        if (returns != null
                && !property.jsonTypes().contains(returns)
                && !(returns.equals("string")
                        && property.jsonTypes().stream().anyMatch(t -> t.equals("integer") || t.equals("number")))) {
            problem(
                    call.location(),
                    path,
                    "wrong type: " + property.name() + " must be " + describe(property) + ", but " + function
                            + " returns " + article(returns));
        }
    }

    /** A Ref to a (String) parameter: each value it allows must be one the property allows. */
    private void parameter(
            final PropertySpec property, final ParameterDecl parameter, final Location at, final String path) {
        if (!property.jsonTypes().contains("string")
                && property.jsonTypes().stream()
                        .noneMatch(t -> t.equals("integer") || t.equals("number") || t.equals("boolean"))) {
            problem(
                    at,
                    path,
                    "wrong type: " + property.name() + " must be " + describe(property) + ", but parameter "
                            + parameter.name() + " is of type " + parameter.type());
            return;
        }
        for (final String allowed : parameter.allowedValues()) {
            allowedValue(
                    property, allowed, at, path, "parameter " + parameter.name() + " allows '" + allowed + "', which");
        }
        if (parameter.allowedValues().isEmpty() && parameter.defaultValue() != null && !parameter.noEcho()) {
            allowedValue(
                    property,
                    parameter.defaultValue(),
                    at,
                    path,
                    "parameter " + parameter.name() + "'s Default '" + parameter.defaultValue() + "'");
        }
    }

    private void allowedValue(
            final PropertySpec property,
            final String text,
            final Location at,
            final String path,
            final String subject) {
        if (!property.allowed().isEmpty() && !property.allowed().contains(text)) {
            problem(
                    at,
                    path,
                    subject + " is not an allowed value of " + property.name() + " (allowed: "
                            + String.join(", ", property.allowed()) + ")");
        } else if (property.pattern() != null
                && property.jsonTypes().contains("string")
                && !Pattern.compile(property.pattern()).matcher(text).find()) {
            problem(
                    at,
                    path,
                    subject + " does not match the pattern of " + property.name() + ": " + property.pattern());
        }
    }

    private static String literalKind(final TemplateValue value) {
        if (value instanceof Sequence) {
            return "array";
        }
        if (value instanceof Mapping) {
            return "object";
        }
        return ((Scalar) value).kindName();
    }

    /** CloudFormation turns a number or boolean into the string a string property wants, and back. */
    private static boolean accepts(final Set<String> types, final String kind, final TemplateValue value) {
        if (types.contains(kind)) {
            return true;
        }
        final String text = value instanceof Scalar scalar ? scalar.text() : null;
        return switch (kind) {
            case "integer", "number", "boolean" ->
                types.contains("string") || kind.equals("integer") && types.contains("number");
            case "string" ->
                types.contains("integer") && text.matches("-?\\d+")
                        || types.contains("number") && text.matches("-?\\d+(\\.\\d+)?")
                        || types.contains("boolean") && (text.equals("true") || text.equals("false"));
            default -> false;
        };
    }

    private static String describe(final PropertySpec property) {
        return String.join(
                " or ",
                property.jsonTypes().stream()
                        .sorted()
                        .map(PropertyCheck::article)
                        .toList());
    }

    private static String article(final String jsonType) {
        return ("aeiou".indexOf(jsonType.charAt(0)) >= 0 ? "an " : "a ") + jsonType;
    }

    private void problem(final Location location, final String path, final String message) {
        problems.add(new TemplateProblem(location, path, message));
    }
}
