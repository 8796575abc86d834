package io.spot.onboarding.runner.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a template (YAML or JSON, long or short intrinsic forms) into a {@link Template}. cfn-lint
 * has checked the template's shape before ({@code CfnLint}); what is refused here is only what the
 * runner cannot read into its model, and transforms, which only CloudFormation can expand.
 */
public final class TemplateParser {
    private final List<TemplateProblem> problems = new ArrayList<>();

    private TemplateParser() {}

    public static Template parse(final Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + file, e);
        }
    }

    public static Template parse(final String text, final String source) {
        return new TemplateParser().read(text, source);
    }

    private Template read(final String text, final String source) {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        final Object document;
        try {
            document = new Yaml(new TemplateConstructor(source, options)).load(text);
        } catch (MarkedYAMLException e) {
            final var mark = e.getProblemMark();
            throw new TemplateException(
                    new Location(source, mark.getLine() + 1, mark.getColumn() + 1),
                    "not well-formed YAML: " + e.getProblem());
        }
        if (!(document instanceof TemplateValue.Mapping root)) {
            throw new TemplateException(new Location(source, 1, 1), "a template is a mapping of sections");
        }
        if (root.get("Transform") != null) {
            problem(
                    root.keyLocation("Transform"),
                    "Transform",
                    "macros and transforms run inside CloudFormation; " + "the local runner cannot expand them");
        }
        final Template template = new Template(
                source,
                text(root.get("Description")),
                parameters(root.get("Parameters")),
                conditions(root.get("Conditions")),
                resources(root, source),
                outputs(root.get("Outputs")));
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return template;
    }

    private Map<String, ParameterDecl> parameters(final TemplateValue section) {
        final Map<String, ParameterDecl> parameters = new LinkedHashMap<>();
        for (final var entry : section(section, "Parameters").entrySet()) {
            final String name = entry.getKey();
            final String path = "Parameters/" + name;
            if (!(entry.getValue() instanceof TemplateValue.Mapping declaration)) {
                problem(entry.getValue().location(), path, "a parameter is a mapping with at least Type");
                continue;
            }
            final String type = text(declaration.get("Type"));
            if (type == null) {
                problem(declaration.location(), path, "Type is required");
                continue;
            }
            final List<String> allowed = new ArrayList<>();
            if (declaration.get("AllowedValues") instanceof TemplateValue.Sequence values) {
                values.items().forEach(value -> allowed.add(text(value)));
            } else if (declaration.get("AllowedValues") != null) {
                problem(declaration.keyLocation("AllowedValues"), path + "/AllowedValues", "must be a list");
            }
            parameters.put(
                    name,
                    new ParameterDecl(
                            name,
                            type,
                            text(declaration.get("Default")),
                            allowed,
                            text(declaration.get("AllowedPattern")),
                            text(declaration.get("ConstraintDescription")),
                            "true".equalsIgnoreCase(text(declaration.get("NoEcho"))),
                            declaration.location()));
        }
        return parameters;
    }

    private Map<String, TemplateValue> conditions(final TemplateValue section) {
        return section(section, "Conditions");
    }

    private Map<String, ResourceDecl> resources(final TemplateValue.Mapping root, final String source) {
        final TemplateValue section = root.get("Resources");
        if (section == null) {
            problem(new Location(source, 1, 1), "Resources", "a template needs a Resources section");
            return Map.of();
        }
        final Map<String, ResourceDecl> resources = new LinkedHashMap<>();
        for (final var entry : section(section, "Resources").entrySet()) {
            final String logicalId = entry.getKey();
            final String path = "Resources/" + logicalId;
            if (!(entry.getValue() instanceof TemplateValue.Mapping declaration)) {
                problem(entry.getValue().location(), path, "a resource is a mapping with at least Type");
                continue;
            }
            final String type = text(declaration.get("Type"));
            if (type == null) {
                problem(declaration.location(), path, "Type is required");
                continue;
            }
            TemplateValue.Mapping properties = null;
            final TemplateValue rawProperties = declaration.get("Properties");
            if (rawProperties instanceof TemplateValue.Mapping mapping) {
                properties = mapping;
            } else if (rawProperties != null && !isNull(rawProperties)) {
                problem(rawProperties.location(), path + "/Properties", "must be a mapping");
            }
            resources.put(
                    logicalId,
                    new ResourceDecl(
                            logicalId,
                            type,
                            properties,
                            dependsOn(declaration.get("DependsOn"), path),
                            text(declaration.get("Condition")),
                            text(declaration.get("DeletionPolicy")),
                            declaration));
        }
        return resources;
    }

    private List<String> dependsOn(final TemplateValue value, final String path) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof TemplateValue.Scalar scalar) {
            return List.of(scalar.text());
        }
        if (value instanceof TemplateValue.Sequence sequence
                && sequence.items().stream().allMatch(TemplateValue.Scalar.class::isInstance)) {
            return sequence.items().stream()
                    .map(item -> ((TemplateValue.Scalar) item).text())
                    .toList();
        }
        problem(value.location(), path + "/DependsOn", "must be a logical ID or a list of logical IDs");
        return List.of();
    }

    private Map<String, OutputDecl> outputs(final TemplateValue section) {
        final Map<String, OutputDecl> outputs = new LinkedHashMap<>();
        for (final var entry : section(section, "Outputs").entrySet()) {
            final String path = "Outputs/" + entry.getKey();
            if (!(entry.getValue() instanceof TemplateValue.Mapping declaration) || declaration.get("Value") == null) {
                problem(entry.getValue().location(), path, "an output is a mapping with at least Value");
                continue;
            }
            outputs.put(
                    entry.getKey(),
                    new OutputDecl(
                            entry.getKey(),
                            text(declaration.get("Description")),
                            declaration.get("Value"),
                            text(declaration.get("Condition")),
                            declaration.location()));
        }
        return outputs;
    }

    private Map<String, TemplateValue> section(final TemplateValue section, final String name) {
        if (section == null || isNull(section)) {
            return Map.of();
        }
        if (section instanceof TemplateValue.Mapping mapping) {
            return mapping.entries();
        }
        problem(section.location(), name, "must be a mapping");
        return Map.of();
    }

    private static boolean isNull(final TemplateValue value) {
        return value instanceof TemplateValue.Scalar scalar && scalar.kind() == TemplateValue.Scalar.Kind.NULL;
    }

    /** A scalar's text; null for absent or non-scalar values (the caller reports what it needed). */
    private static String text(final TemplateValue value) {
        return value instanceof TemplateValue.Scalar scalar && scalar.kind() != TemplateValue.Scalar.Kind.NULL
                ? scalar.text()
                : null;
    }

    private void problem(final Location location, final String path, final String message) {
        problems.add(new TemplateProblem(location, path, message));
    }
}
