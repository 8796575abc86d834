package io.spot.onboarding.runner.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A template value as written, with its location. Intrinsic functions are kept in CloudFormation's
 * long form (a mapping with the one key "Ref" or "Fn::..."), whichever form the template used, so
 * one evaluator serves both.
 */
public sealed interface TemplateValue permits TemplateValue.Scalar, TemplateValue.Sequence, TemplateValue.Mapping {

    Location location();

    /** What a message calls the kind of value, as the schema names JSON types. */
    String kindName();

    /**
     * @param text the scalar exactly as written (a YAML date such as 2012-10-17 stays text)
     * @param kind what YAML resolved it to; only true/false and numbers become typed JSON
     */
    record Scalar(String text, Kind kind, Location location) implements TemplateValue {
        public enum Kind {
            STRING,
            INTEGER,
            NUMBER,
            BOOLEAN,
            NULL
        }

        public static Scalar string(final String text, final Location location) {
            return new Scalar(text, Kind.STRING, location);
        }

        @Override
        public String kindName() {
            return switch (kind) {
                case STRING -> "string";
                case INTEGER -> "integer";
                case NUMBER -> "number";
                case BOOLEAN -> "boolean";
                case NULL -> "null";
            };
        }
    }

    record Sequence(List<TemplateValue> items, Location location) implements TemplateValue {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String kindName() {
            return "array";
        }
    }

    /**
     * @param keyLocations where each key is written: "unknown property X" points at X itself
     */
    record Mapping(Map<String, TemplateValue> entries, Map<String, Location> keyLocations, Location location)
            implements TemplateValue {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLocations = Map.copyOf(keyLocations);
        }

        /** A one-key mapping written by the reader for a short-form tag such as !Ref. */
        public static Mapping intrinsic(final String function, final TemplateValue argument, final Location location) {
            return new Mapping(Map.of(function, argument), Map.of(function, location), location);
        }

        public TemplateValue get(final String key) {
            return entries.get(key);
        }

        public Location keyLocation(final String key) {
            return keyLocations.getOrDefault(key, location);
        }

        /** "Ref", "Condition" or "Fn::X" when this mapping is an intrinsic function call. */
        public Optional<String> intrinsicName() {
            if (entries.size() != 1) {
                return Optional.empty();
            }
            final String key = entries.keySet().iterator().next();
            return Intrinsics.isFunctionKey(key) ? Optional.of(key) : Optional.empty();
        }

        @Override
        public String kindName() {
            return intrinsicName().map(name -> name + " result").orElse("object");
        }
    }
}
