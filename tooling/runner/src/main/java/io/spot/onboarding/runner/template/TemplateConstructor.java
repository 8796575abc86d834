package io.spot.onboarding.runner.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Builds {@link TemplateValue}s instead of plain Java maps, so each value keeps its line. The
 * short forms ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) get a tag constructor each
 * that writes the long form; standard tags keep their text, because CloudFormation reads
 * {@code Version: 2012-10-17} as a string, not a date.
 */
final class TemplateConstructor extends SafeConstructor {
    private final String source;

    TemplateConstructor(final String source, final LoaderOptions options) {
        super(options);
        this.source = source;
        yamlConstructors.put(Tag.MAP, new ConstructMapping());
        yamlConstructors.put(Tag.SEQ, new ConstructSequence());
        yamlConstructors.put(Tag.STR, new ConstructScalar(TemplateValue.Scalar.Kind.STRING));
        yamlConstructors.put(Tag.INT, new ConstructScalar(TemplateValue.Scalar.Kind.INTEGER));
        yamlConstructors.put(Tag.FLOAT, new ConstructScalar(TemplateValue.Scalar.Kind.NUMBER));
        yamlConstructors.put(Tag.BOOL, new ConstructScalar(TemplateValue.Scalar.Kind.BOOLEAN));
        yamlConstructors.put(Tag.NULL, new ConstructScalar(TemplateValue.Scalar.Kind.NULL));
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructScalar(TemplateValue.Scalar.Kind.STRING));
        yamlConstructors.put(Tag.BINARY, new ConstructScalar(TemplateValue.Scalar.Kind.STRING));
        Intrinsics.TAGS.forEach(
                (tag, function) -> yamlConstructors.put(new Tag(tag), new ConstructShortForm(function)));
        // Any other tag (a typo such as !GetAttr) is refused with its line rather than read as text.
        yamlConstructors.put(null, new ConstructUnknownTag());
    }

    Location location(final Node node) {
        final Mark mark = node.getStartMark();
        return mark == null
                ? new Location(source, 0, 0)
                : new Location(source, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** A node's own shape, ignoring its tag: what a short form takes as its argument. */
    private TemplateValue untagged(final Node node) {
        if (node instanceof ScalarNode scalar) {
            return TemplateValue.Scalar.string(scalar.getValue(), location(node));
        }
        if (node instanceof SequenceNode sequence) {
            return sequence(sequence);
        }
        return mapping((MappingNode) node);
    }

    private TemplateValue.Sequence sequence(final SequenceNode node) {
        final List<TemplateValue> items = new ArrayList<>();
        for (final Node item : node.getValue()) {
            items.add((TemplateValue) constructObject(item));
        }
        return new TemplateValue.Sequence(items, location(node));
    }

    private TemplateValue.Mapping mapping(final MappingNode node) {
        final Map<String, TemplateValue> entries = new LinkedHashMap<>();
        final Map<String, Location> keyLocations = new HashMap<>();
        for (final NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new TemplateException(location(tuple.getKeyNode()), "a mapping key must be a plain string");
            }
            final String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                throw new TemplateException(
                        location(keyNode),
                        "duplicate key '" + key + "' (first at line "
                                + keyLocations.get(key).line() + ")");
            }
            keyLocations.put(key, location(keyNode));
            entries.put(key, (TemplateValue) constructObject(tuple.getValueNode()));
        }
        return new TemplateValue.Mapping(entries, keyLocations, location(node));
    }

    private final class ConstructMapping extends AbstractConstruct {
        @Override
        public Object construct(final Node node) {
            return mapping((MappingNode) node);
        }
    }

    private final class ConstructSequence extends AbstractConstruct {
        @Override
        public Object construct(final Node node) {
            return sequence((SequenceNode) node);
        }
    }

    private final class ConstructScalar extends AbstractConstruct {
        private final TemplateValue.Scalar.Kind kind;

        ConstructScalar(final TemplateValue.Scalar.Kind kind) {
            this.kind = kind;
        }

        @Override
        public Object construct(final Node node) {
            return new TemplateValue.Scalar(((ScalarNode) node).getValue(), kind, location(node));
        }
    }

    private final class ConstructShortForm extends AbstractConstruct {
        private final String function;

        ConstructShortForm(final String function) {
            this.function = function;
        }

        @Override
        public Object construct(final Node node) {
            TemplateValue argument = untagged(node);
            // !GetAtt A.B is the one short form whose scalar means a list: [A, B].
            if (Intrinsics.GET_ATT.equals(function) && argument instanceof TemplateValue.Scalar scalar) {
                argument = GetAttArgument.split(scalar);
            }
            return TemplateValue.Mapping.intrinsic(function, argument, location(node));
        }
    }

    private final class ConstructUnknownTag extends AbstractConstruct {
        @Override
        public Object construct(final Node node) {
            throw new TemplateException(
                    location(node),
                    "unknown tag " + node.getTag().getValue()
                            + " (CloudFormation's short forms are "
                            + String.join(
                                    ", ",
                                    Intrinsics.TAGS.keySet().stream().sorted().toList()) + ")");
        }
    }
}
