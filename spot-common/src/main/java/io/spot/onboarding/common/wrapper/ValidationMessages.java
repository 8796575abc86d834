package io.spot.onboarding.common.wrapper;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;

/**
 * The plugin refuses a model that breaks the schema with text such as "#/AwsAccountId: failed
 * validation constraint for keyword [pattern]", which names the property but not what it
 * accepts. This appends, for each property named, the form the schema allows.
 */
public final class ValidationMessages {
    private static final Pattern PROPERTY = Pattern.compile("#/([A-Za-z0-9]+)");
    private static final Pattern EXTRANEOUS = Pattern.compile("extraneous key \\[([^\\]]+)]");

    private ValidationMessages() {}

    public static boolean isModelValidationFailure(final String message) {
        return message != null && message.startsWith("Model validation failed");
    }

    public static String explain(final String message, final JSONObject schema) {
        final JSONObject properties = schema.getJSONObject("properties");
        final Set<String> named = new LinkedHashSet<>();
        final Matcher property = PROPERTY.matcher(message);
        while (property.find()) {
            named.add(property.group(1));
        }
        final StringBuilder text = new StringBuilder(message);
        for (final String name : named) {
            if (properties.has(name)) {
                text.append(' ')
                        .append(name)
                        .append(' ')
                        .append(allowedForm(properties.getJSONObject(name)))
                        .append('.');
            }
        }
        final Matcher extraneous = EXTRANEOUS.matcher(message);
        if (extraneous.find()) {
            text.append(' ')
                    .append(schema.getString("typeName"))
                    .append(" has no property '")
                    .append(extraneous.group(1))
                    .append("'; its properties are ")
                    .append(String.join(
                            ", ", properties.keySet().stream().sorted().toList()))
                    .append('.');
        }
        return text.toString();
    }

    /** "must be a string matching ^[0-9]{12}$", "must be one of Adopt, Reuse, Fail", ... */
    static String allowedForm(final JSONObject property) {
        if (property.has("enum")) {
            final List<Object> values = property.getJSONArray("enum").toList();
            return "must be one of "
                    + String.join(", ", values.stream().map(Object::toString).toList());
        }
        final StringBuilder form = new StringBuilder("must be ").append(article(property.optString("type", "object")));
        if (property.has("minLength") || property.has("maxLength")) {
            form.append(" of ")
                    .append(property.optInt("minLength", 0))
                    .append(" to ")
                    .append(property.has("maxLength") ? property.getInt("maxLength") : "any number of")
                    .append(" characters");
        }
        if (property.has("pattern")) {
            form.append(" matching ").append(property.getString("pattern"));
        }
        return form.toString();
    }

    private static String article(final String type) {
        return switch (type) {
            case "integer" -> "an integer";
            case "array" -> "a list";
            case "object" -> "an object";
            default -> "a " + type;
        };
    }
}
