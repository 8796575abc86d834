package io.spot.onboarding.testing;

import java.util.List;
import java.util.Locale;
import org.json.JSONObject;

/**
 * Renders the reference part of a type's {@code docs/README.md} from its schema, in the layout
 * {@code cfn generate} gives it. A type's README is this text, then {@link #END_MARKER}, then the
 * hand-written notes on behaviour that no schema can say.
 */
public final class SchemaDocs {
    public static final String END_MARKER = "<!-- End of the reference generated from the schema. -->";
    private static final String REPLACEMENT = "[Replacement](https://docs.aws.amazon.com/AWSCloudFormation/latest/"
        + "UserGuide/using-cfn-updating-stacks-update-behaviors.html#update-replacement)";
    private static final String NO_INTERRUPTION = "[No interruption](https://docs.aws.amazon.com/AWSCloudFormation/"
        + "latest/UserGuide/using-cfn-updating-stacks-update-behaviors.html#update-no-interrupt)";

    private SchemaDocs() {
    }

    public static String render(final JSONObject schema) {
        final String typeName = schema.getString("typeName");
        final JSONObject properties = schema.getJSONObject("properties");
        final List<String> readOnly = SchemaContract.names(schema, "readOnlyProperties");
        final List<String> createOnly = SchemaContract.names(schema, "createOnlyProperties");
        final List<String> required = schema.optJSONArray("required") == null ? List.of()
            : schema.getJSONArray("required").toList().stream().map(Object::toString).toList();
        final List<String> inputs = properties.keySet().stream().sorted().filter(p -> !readOnly.contains(p)).toList();

        final StringBuilder md = new StringBuilder("# ").append(typeName).append("\n\n")
            .append(schema.getString("description")).append("\n\n")
            .append("## Syntax\n\n")
            .append("To declare this entity in your AWS CloudFormation template, use the following syntax:\n\n")
            .append("### JSON\n\n<pre>\n{\n    \"Type\" : \"").append(typeName).append("\",\n    \"Properties\" : {\n");
        for (int i = 0; i < inputs.size(); i++) {
            final String name = inputs.get(i);
            md.append("        \"").append(link(name)).append("\" : <i>").append(type(properties.getJSONObject(name)))
                .append("</i>").append(i < inputs.size() - 1 ? "," : "").append('\n');
        }
        md.append("    }\n}\n</pre>\n\n### YAML\n\n<pre>\nType: ").append(typeName).append("\nProperties:\n");
        for (final String name : inputs) {
            md.append("    ").append(link(name)).append(": <i>").append(type(properties.getJSONObject(name)))
                .append("</i>\n");
        }
        md.append("</pre>\n\n## Properties\n\n");
        for (final String name : inputs) {
            final JSONObject property = properties.getJSONObject(name);
            md.append("#### ").append(name).append("\n\n")
                .append(property.optString("description", "")).append("\n\n")
                .append("_Required_: ").append(required.contains(name) ? "Yes" : "No").append("\n\n")
                .append("_Type_: ").append(type(property)).append("\n\n");
            if (property.has("enum")) {
                md.append("_Allowed Values_: <code>").append(String.join("</code> | <code>",
                    property.getJSONArray("enum").toList().stream().map(Object::toString).toList()))
                    .append("</code>\n\n");
            }
            if (property.has("minLength")) {
                md.append("_Minimum Length_: <code>").append(property.getInt("minLength")).append("</code>\n\n");
            }
            if (property.has("maxLength")) {
                md.append("_Maximum Length_: <code>").append(property.getInt("maxLength")).append("</code>\n\n");
            }
            if (property.has("pattern")) {
                md.append("_Pattern_: <code>").append(property.getString("pattern")).append("</code>\n\n");
            }
            md.append("_Update requires_: ").append(createOnly.contains(name) ? REPLACEMENT : NO_INTERRUPTION)
                .append("\n\n");
        }
        final List<String> identifier = SchemaContract.names(schema, "primaryIdentifier");
        md.append("## Return Values\n\n### Ref\n\n")
            .append("When you pass the logical ID of this resource to the intrinsic `Ref` function, Ref returns the ")
            .append(String.join(", ", identifier)).append(".\n\n");
        if (!readOnly.isEmpty()) {
            md.append("### Fn::GetAtt\n\n")
                .append("The `Fn::GetAtt` intrinsic function returns a value for a specified attribute of this type. ")
                .append("The following are the available attributes and sample return values.\n\n")
                .append("For more information about using the `Fn::GetAtt` intrinsic function, see [Fn::GetAtt]")
                .append("(https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/")
                .append("intrinsic-function-reference-getatt.html).\n\n");
            for (final String name : readOnly) {
                md.append("#### ").append(name).append("\n\n")
                    .append(properties.getJSONObject(name).optString("description", "Returns the <code>" + name
                        + "</code> value.")).append("\n\n");
            }
        }
        return md.append(END_MARKER).append('\n').toString();
    }

    private static String link(final String name) {
        return "<a href=\"#" + name.toLowerCase(Locale.ROOT) + "\" title=\"" + name + "\">" + name + "</a>";
    }

    private static String type(final JSONObject property) {
        final String type = property.optString("type", "object");
        return switch (type) {
            case "string" -> "String";
            case "integer" -> "Integer";
            case "boolean" -> "Boolean";
            case "array" -> "List of " + type(property.getJSONObject("items"));
            default -> "Object";
        };
    }
}
