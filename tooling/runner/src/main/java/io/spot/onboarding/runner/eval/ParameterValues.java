package io.spot.onboarding.runner.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.ParameterDecl;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.template.TemplateProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The parameter values of one stack operation, checked as CloudFormation checks them before it
 * starts: every parameter without a Default is given, each value is allowed, and no name is
 * unknown. NoEcho values are shown as "****" wherever the runner prints parameters.
 */
public final class ParameterValues {
    public static final String MASK = "****";

    private final Template template;
    private final Map<String, String> values;

    private ParameterValues(final Template template, final Map<String, String> values) {
        this.template = template;
        this.values = Collections.unmodifiableMap(values);
    }

    /** Values for a new stack: the given ones, else each parameter's Default. */
    public static ParameterValues resolve(final Template template, final Map<String, String> given) {
        return resolve(template, given, Map.of());
    }

    /**
     * Values for an update: the given ones, else the previous value (the runner's equivalent of
     * UsePreviousValue), else the Default.
     */
    public static ParameterValues resolve(
            final Template template, final Map<String, String> given, final Map<String, String> previous) {
        final List<TemplateProblem> problems = new ArrayList<>();
        given.keySet().stream()
                .filter(name -> !template.parameters().containsKey(name))
                .forEach(name -> problems.add(new TemplateProblem(
                        new Location(template.source(), 0, 0), "Parameters", "parameter " + unknown(template, name))));
        final Map<String, String> values = new LinkedHashMap<>();
        for (final ParameterDecl declared : template.parameters().values()) {
            String value = given.get(declared.name());
            if (value == null) {
                value = previous.get(declared.name());
            }
            if (value == null) {
                value = declared.defaultValue();
            }
            if (value == null) {
                problems.add(problem(
                        template,
                        declared,
                        "has no Default and no value was given (--param " + declared.name() + "=...)"));
                continue;
            }
            final String refusal = refusal(declared, value);
            if (refusal != null) {
                problems.add(problem(template, declared, refusal));
                continue;
            }
            values.put(declared.name(), value);
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return new ParameterValues(template, values);
    }

    /**
     * What CloudFormation would refuse in these given values before it starts: each name the template
     * does not declare (with the nearest one it does) and each value its declaration refuses. Empty
     * when all are allowed; a run checks every command's values this way before the first one runs.
     */
    public static List<String> refusals(final Template template, final Map<String, String> given) {
        final List<String> refusals = new ArrayList<>();
        given.forEach((name, value) -> {
            final ParameterDecl declared = template.parameters().get(name);
            final String refusal = declared == null ? unknown(template, name) : refusal(declared, value);
            if (refusal != null) {
                refusals.add(declared == null ? refusal : name + ": " + refusal);
            }
        });
        return refusals;
    }

    private static String unknown(final Template template, final String name) {
        return name + " does not exist in the template"
                + NearestName.of(name, template.parameters().keySet())
                        .map(nearest -> ": did you mean " + nearest + "?")
                        .orElse("")
                + " (it declares " + String.join(", ", template.parameters().keySet()) + ")";
    }

    /** Why CloudFormation would refuse the value, never echoing a NoEcho value; null when allowed. */
    private static String refusal(final ParameterDecl declared, final String value) {
        final String shown = declared.noEcho() ? "the value given" : "'" + value + "'";
        if (!declared.allowedValues().isEmpty() && !declared.allowedValues().contains(value)) {
            return shown + " is not one of the AllowedValues " + declared.allowedValues();
        }
        if (declared.allowedPattern() != null
                && !Pattern.compile(declared.allowedPattern()).matcher(value).matches()) {
            return shown + " does not match the AllowedPattern " + declared.allowedPattern()
                    + (declared.constraintDescription() == null ? "" : " (" + declared.constraintDescription() + ")");
        }
        return null;
    }

    private static TemplateProblem problem(
            final Template template, final ParameterDecl declared, final String message) {
        return new TemplateProblem(declared.location(), "Parameters/" + declared.name(), message);
    }

    /** The value as Ref sees it: text (the runner's templates declare String parameters only). */
    public JsonNode ref(final String name) {
        final String value = values.get(name);
        return value == null ? null : JsonNodeFactory.instance.textNode(value);
    }

    public boolean has(final String name) {
        return values.containsKey(name);
    }

    /** The raw values, for an update to start from. Holds NoEcho values: never print this map. */
    public Map<String, String> raw() {
        return values;
    }

    /** Values to print: NoEcho ones masked. */
    public Map<String, String> display() {
        final Map<String, String> shown = new LinkedHashMap<>();
        values.forEach(
                (name, value) -> shown.put(name, template.parameters().get(name).noEcho() ? MASK : value));
        return shown;
    }

    /** The NoEcho values, for the output scanner and redaction. */
    public List<String> secrets() {
        return values.entrySet().stream()
                .filter(e -> template.parameters().get(e.getKey()).noEcho())
                .map(Map.Entry::getValue)
                .toList();
    }
}
