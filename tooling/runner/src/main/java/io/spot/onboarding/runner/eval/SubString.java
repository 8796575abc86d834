package io.spot.onboarding.runner.eval;

import java.util.ArrayList;
import java.util.List;

/** Fn::Sub's string: literal text and ${Name} / ${Resource.Attribute} variables; ${!Text} is a literal ${Text}. */
public final class SubString {

    public sealed interface Part permits Literal, Variable {}

    public record Literal(String text) implements Part {}

    /** @param name a parameter, pseudo parameter, resource, or Resource.Attribute */
    public record Variable(String name) implements Part {
        public boolean isAttribute() {
            return name.indexOf('.') > 0;
        }

        public String resource() {
            return isAttribute() ? name.substring(0, name.indexOf('.')) : name;
        }

        public String attribute() {
            return name.substring(name.indexOf('.') + 1);
        }
    }

    private SubString() {}

    public static List<Part> parse(final String text) {
        final List<Part> parts = new ArrayList<>();
        final StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            final int start = text.indexOf("${", i);
            if (start < 0) {
                literal.append(text, i, text.length());
                break;
            }
            literal.append(text, i, start);
            final int end = text.indexOf('}', start);
            if (end < 0) {
                literal.append(text, start, text.length());
                break;
            }
            final String inner = text.substring(start + 2, end);
            if (inner.startsWith("!")) {
                literal.append("${").append(inner.substring(1)).append('}');
            } else {
                if (!literal.isEmpty()) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Variable(inner.trim()));
            }
            i = end + 1;
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        return parts;
    }
}
