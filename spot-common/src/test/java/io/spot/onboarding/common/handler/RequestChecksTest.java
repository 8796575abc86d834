package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.spot.onboarding.common.handler.SpotResourceHandler.HandlerCall;
import java.util.Optional;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The shared refusals follow the schema they are given, not the property names of this project's
 * types: here a made-up type whose create-only properties are AccountId and Region.
 */
class RequestChecksTest {
    private static final String SCHEMA = """
            {"typeName": "Test::Onboarding::Thing",
             "properties": {"AccountId": {"type": "string"}, "Region": {"type": "string"}, "Name": {"type": "string"}},
             "primaryIdentifier": ["/properties/AccountId"],
             "createOnlyProperties": ["/properties/AccountId", "/properties/Region"]}
            """;

    private final SpotType<Model, SpotCallbackContext> type =
            SpotType.of(() -> new JSONObject(SCHEMA), Model::new, SpotCallbackContext::new);

    @Test
    void anUpdateThatChangesACreateOnlyPropertyIsNotUpdatableAndNamesIt() {
        final Optional<ProgressEvent<Model, SpotCallbackContext>> refusal = refusal(
                Action.UPDATE,
                new Model("act-12345678", "eu-west-1", "new"),
                new Model("act-12345678", "us-east-1", "old"));

        assertThat(refusal).isPresent();
        assertThat(refusal.get().getErrorCode()).isEqualTo(HandlerErrorCode.NotUpdatable);
        assertThat(refusal.get().getMessage())
                .startsWith("Region is create-only")
                .contains("\"us-east-1\"", "\"eu-west-1\"");
    }

    @Test
    void anUpdateThatChangesOnlyUpdatablePropertiesPasses() {
        assertThat(refusal(
                        Action.UPDATE,
                        new Model("act-12345678", "us-east-1", "new"),
                        new Model("act-12345678", "us-east-1", "old")))
                .isEmpty();
    }

    /** Cloud Control may patch without the identifier: the update keeps it, and every event names it. */
    @Test
    void anUpdateThatLeavesOutACreateOnlyPropertyKeepsItsValue() {
        final Model desired = new Model(null, null, "new");

        assertThat(refusal(Action.UPDATE, desired, new Model("act-12345678", "us-east-1", "old")))
                .isEmpty();
        assertThat(desired.accountId).isEqualTo("act-12345678");
        assertThat(desired.region).isEqualTo("us-east-1");
    }

    @Test
    void readUpdateAndDeleteOfAnIdentifierThatIsNoSpotAccountIdAreNotFound() {
        for (final Action action : new Action[] {Action.READ, Action.UPDATE, Action.DELETE}) {
            final Model model = new Model("123456789012", "us-east-1", null);
            final Optional<ProgressEvent<Model, SpotCallbackContext>> refusal = refusal(action, model, model);

            assertThat(refusal).as(action.name()).isPresent();
            assertThat(refusal.get().getErrorCode()).isEqualTo(HandlerErrorCode.NotFound);
            assertThat(refusal.get().getMessage())
                    .contains("Test::Onboarding::Thing", "123456789012", "AccountId must look like act-1a2b3c4d");
        }
    }

    @Test
    void aCreateGivenAnIdentifierThatIsNoSpotAccountIdIsInvalidAndSaysWhatToPass() {
        final Optional<ProgressEvent<Model, SpotCallbackContext>> refusal =
                refusal(Action.CREATE, new Model("123456789012", "us-east-1", null), null);

        assertThat(refusal).isPresent();
        assertThat(refusal.get().getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(refusal.get().getMessage())
                .startsWith("AccountId must be a Spot account ID")
                .contains("'123456789012'", "!Ref");
    }

    /** The type that creates the Spot account has a read-only identifier: its Create has none to check. */
    @Test
    void aCreateOfATypeWhoseIdentifierIsReadOnlyIsNotChecked() {
        final JSONObject schema =
                new JSONObject(SCHEMA).put("readOnlyProperties", new String[] {"/properties/AccountId"});
        final SpotType<Model, SpotCallbackContext> creating =
                SpotType.of(() -> schema, Model::new, SpotCallbackContext::new);

        assertThat(RequestChecks.refusal(creating, call(Action.CREATE, new Model(null, "us-east-1", null), null)))
                .isEmpty();
        assertThat(refusal(Action.LIST, new Model(), null)).isEmpty();
    }

    private Optional<ProgressEvent<Model, SpotCallbackContext>> refusal(
            final Action action, final Model desired, final Model previous) {
        return RequestChecks.refusal(type, call(action, desired, previous));
    }

    private static HandlerCall<Model, SpotCallbackContext> call(
            final Action action, final Model desired, final Model previous) {
        return new HandlerCall<>(
                "Test::Onboarding::Thing",
                action,
                null,
                ResourceHandlerRequest.<Model>builder()
                        .desiredResourceState(desired)
                        .previousResourceState(previous)
                        .build(),
                desired,
                new SpotCallbackContext(),
                null,
                SpotTokenSettings.NONE,
                null,
                () -> desired.accountId,
                () -> desired);
    }

    /** Shaped like a generated ResourceModel: fields named by the schema's property names. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
    static final class Model {
        @JsonProperty("AccountId")
        private String accountId;

        @JsonProperty("Region")
        private String region;

        @JsonProperty("Name")
        private String name;

        Model() {}

        Model(final String accountId, final String region, final String name) {
            this.accountId = accountId;
            this.region = region;
            this.name = name;
        }
    }
}
