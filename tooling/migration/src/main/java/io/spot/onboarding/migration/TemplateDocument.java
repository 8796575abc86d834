package io.spot.onboarding.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation template as text and as the tree CloudFormation parses from it: JSON, or YAML
 * whose short forms become the long ones ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B}
 * is {@code {"Fn::GetAtt": ["A", "B"]}}), so a YAML and a JSON copy of one template compare equal.
 */
public record TemplateDocument(String text, boolean json, Map<String, Object> tree) {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    public static TemplateDocument parse(final String text) {
        final boolean json = text.stripLeading().startsWith("{");
        final Object tree;
        try {
            tree = json ? JSON.readValue(text, Object.class) : new Yaml(new KeepTags()).load(text);
        } catch (JsonProcessingException | YAMLException e) {
            throw new TemplateException("not a CloudFormation template this tool can read (" + (json ? "JSON" : "YAML")
                    + "): " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(tree instanceof Map<?, ?> map) || !(map.get("Resources") instanceof Map<?, ?>)) {
            throw new TemplateException("not a CloudFormation template: it has no Resources section");
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> root = (Map<String, Object>) map;
        return new TemplateDocument(text, json, root);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Map<String, Object>> resources() {
        final Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        ((Map<String, Object>) tree.get("Resources")).forEach((id, body) -> {
            if (!(body instanceof Map<?, ?>)) {
                throw new TemplateException("resource " + id + " is not a mapping");
            }
            resources.put(id, (Map<String, Object>) body);
        });
        return resources;
    }

    /** The resources {@code selection} names, in template order. */
    public List<RetainTarget> targets(final Selection selection) {
        final List<RetainTarget> found = new ArrayList<>();
        resources().forEach((id, body) -> {
            if (selection.matches().test(body.get("Type"))) {
                found.add(RetainTarget.of(id, body));
            }
        });
        return found;
    }

    /**
     * YAML as CloudFormation reads it: any {@code !Name} tag turned into its long form, no
     * timestamps ({@code 2012-10-17} stays text), duplicate keys refused as CloudFormation does.
     */
    private static final class KeepTags extends SafeConstructor {
        KeepTags() {
            super(options());
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(final Node node) {
                    final String name = node.getTag().getValue().substring(1);
                    final String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
                    final Object value;
                    if (node instanceof ScalarNode scalar) {
                        value = name.equals("GetAtt")
                                ? List.of(scalar.getValue().split("\\.", 2))
                                : scalar.getValue();
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else {
                        value = constructMapping((MappingNode) node);
                    }
                    return Map.of(key, value);
                }
            });
        }

        private static LoaderOptions options() {
            final LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            return options;
        }
    }
}
