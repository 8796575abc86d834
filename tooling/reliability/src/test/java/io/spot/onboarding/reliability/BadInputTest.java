package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.cloudformation.resource.Validator;

/**
 * Every input property of every type, spoiled in every way that applies to it (a broken pattern,
 * empty, too long, the wrong JSON type, a value outside the enum, unicode and injection-looking
 * strings), plus an unknown property: each must end in FAILED InvalidRequest naming the property
 * and what it allows, before any call to Spot. A value the schema itself accepts is not bad input
 * and is left out (checked with the registry's own validator), so the table cannot drift.
 */
class BadInputTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final List<String> INJECTIONS = List.of(
            "'; DROP TABLE accounts;--",
            "$(rm -rf /)",
            "<script>alert(1)</script>",
            "../../setup/account",
            "act-1\r\nX-Injected: 1",
            "{{resolve:ssm:/x}}",
            "é漢字🙂",
            "\u0000",
            " leading-space",
            "trailing-space ");

    static Stream<Arguments> cases() {
        final List<Arguments> cases = new ArrayList<>();
        final Validator validator = new Validator();
        for (final SpotTypes type : SpotTypes.values()) {
            final JSONObject schema = type.schema();
            for (final String property : type.inputProperties()) {
                for (final JsonNode value :
                        spoiled(schema.getJSONObject("properties").getJSONObject(property))) {
                    final ObjectNode model = type.validModel();
                    model.set(property, value);
                    if (rejects(validator, model, schema)) {
                        cases.add(Arguments.of(type, property, model));
                    }
                }
            }
            final ObjectNode unknown = type.validModel();
            unknown.put("Colour", "red");
            cases.add(Arguments.of(type, "Colour", unknown));
        }
        return cases.stream();
    }

    private static List<JsonNode> spoiled(final JSONObject property) {
        final List<JsonNode> values = new ArrayList<>();
        switch (property.optString("type")) {
            case "string" -> {
                values.add(JSON.textNode(""));
                values.add(JSON.textNode("x".repeat(5000)));
                values.add(JSON.numberNode(42));
                values.add(JSON.booleanNode(true));
                values.add(JSON.arrayNode().add("a"));
                values.add(JSON.objectNode().put("a", "b"));
                values.add(JSON.textNode("Steal"));
                INJECTIONS.forEach(s -> values.add(JSON.textNode(s)));
            }
            case "boolean" -> {
                values.add(JSON.textNode("maybe"));
                values.add(JSON.numberNode(2));
                values.add(JSON.objectNode());
            }
            default -> values.add(JSON.textNode("not a " + property.optString("type")));
        }
        return values;
    }

    private static boolean rejects(final Validator validator, final ObjectNode model, final JSONObject schema) {
        try {
            validator.validateObject(new JSONObject(model.toString()), schema);
            return false;
        } catch (RuntimeException refused) {
            return true;
        }
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @MethodSource("cases")
    void isRefusedBeforeAnySpotCallNamingThePropertyAndItsForm(
            final SpotTypes type, final String property, final ObjectNode model) {
        TRIED.incrementAndGet();
        try (SpotTypeHarness harness = type.harness()) {
            final HandlerResponse response = harness.driver
                    .run(harness.request("CREATE").properties(model).json())
                    .last();

            assertThat(response.status()).isEqualTo("FAILED");
            assertThat(response.errorCode()).isEqualTo("InvalidRequest");
            assertThat(response.message()).contains(property);
            assertThat(response.message()).containsAnyOf("must be", "has no property");
            assertThat(harness.spot.requests()).as("calls to Spot").isEmpty();
        }
    }

    @AfterAll
    static void report() {
        System.out.println("bad-input: " + TRIED.get() + " malformed inputs tried");
    }
}
