package io.spot.onboarding.common.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class ValidationMessagesTest {
    private final JSONObject schema = new JSONObject("""
        {"typeName":"Spot::Onboarding::Test","properties":{
          "AwsAccountId":{"type":"string","pattern":"^[0-9]{12}$"},
          "Policy":{"type":"string","enum":["Adopt","Reuse"]},
          "Name":{"type":"string","minLength":1,"maxLength":100},
          "Validate":{"type":"boolean"}}}""");

    @Test
    void namesTheFormEachMentionedPropertyAllows() {
        final String message = ValidationMessages.explain(
                "Model validation failed (#/AwsAccountId: failed validation "
                        + "constraint for keyword [pattern]\n#/Policy: ... [enum]\n#/Name: expected maxLength: 100, actual: 101)",
                schema);

        assertThat(message)
                .contains("AwsAccountId must be a string matching ^[0-9]{12}$.")
                .contains("Policy must be one of Adopt, Reuse.")
                .contains("Name must be a string of 1 to 100 characters.");
    }

    @Test
    void anUnknownPropertyListsTheKnownOnes() {
        final String message = ValidationMessages.explain(
                "Model validation failed (#: extraneous key [Colour] is not " + "permitted)", schema);

        assertThat(message)
                .contains("has no property 'Colour'; its properties are AwsAccountId, Name, Policy, Validate.");
    }

    @Test
    void recognisesOnlyThePluginsValidationFailures() {
        assertThat(ValidationMessages.isModelValidationFailure("Model validation failed (x)"))
                .isTrue();
        assertThat(ValidationMessages.isModelValidationFailure("Spot refused")).isFalse();
        assertThat(ValidationMessages.isModelValidationFailure(null)).isFalse();
    }
}
