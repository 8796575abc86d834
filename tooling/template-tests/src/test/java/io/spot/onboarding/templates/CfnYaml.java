package io.spot.onboarding.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads a CloudFormation YAML template into maps, turning short forms ({@code !Ref x}) into long ones. */
final class CfnYaml {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    private CfnYaml() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(final String file) {
        try {
            return (Map<String, Object>) new Yaml(new Intrinsics()).load(Files.readString(ROOT.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(final Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(final Object value) {
        return value instanceof List ? (List<Object>) value : List.of(value);
    }

    private static final class Intrinsics extends SafeConstructor {
        Intrinsics() {
            super(new LoaderOptions());
            for (final String name : List.of("Ref", "Condition")) {
                yamlConstructors.put(new Tag("!" + name), new Long(name));
            }
            for (final String name : List.of(
                    "GetAtt",
                    "Sub",
                    "If",
                    "Equals",
                    "Not",
                    "And",
                    "Or",
                    "Join",
                    "Select",
                    "Split",
                    "FindInMap",
                    "GetAZs",
                    "ImportValue",
                    "Base64",
                    "Cidr")) {
                yamlConstructors.put(new Tag("!" + name), new Long("Fn::" + name));
            }
        }

        private final class Long extends AbstractConstruct {
            private final String key;

            Long(final String key) {
                this.key = key;
            }

            @Override
            public Object construct(final Node node) {
                final Object value;
                if (node instanceof ScalarNode scalar) {
                    value = "Fn::GetAtt".equals(key) ? List.of(scalar.getValue().split("\\.", 2)) : scalar.getValue();
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                return Map.of(key, value);
            }
        }
    }
}
