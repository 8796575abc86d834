package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationStandIn;
import io.spot.onboarding.harness.CloudFormationStandIn.Resource;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What CloudFormation itself can do to a stack's Spot account: replace the Account resource (a renamed
 * logical ID), run a second stack for the same AWS account, roll back without sending the rollback
 * field. Each Delete asks CloudFormation (here its stand-in) and never leaves a stack on a deleted
 * account, nor deletes an adopted one unless CloudFormation shows a stack delete.
 */
class AccountReplacementTest {
    private static final String TYPE = ResourceModel.TYPE_NAME;
    private static final String HOME = "us-east-1";
    private static final String AWAY = "eu-west-1";

    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    private final CloudFormationStandIn cloudFormation = CloudFormationStandIn.shared();

    private ObjectNode request(
            final String action,
            final String region,
            final String stackId,
            final String logicalId,
            final JsonNode properties) {
        return harness.request(action)
                .stack(region, stackId)
                .logicalResourceId(logicalId)
                .properties(properties)
                .json();
    }

    private HandlerResponse create(final String region, final String stackId, final String logicalId) {
        final HandlerResponse created = harness.driver
                .run(request("CREATE", region, stackId, logicalId, props("{}")))
                .last();
        assertThat(created.status()).isEqualTo("SUCCESS");
        cloudFormation.resource(
                stackId, new Resource(logicalId, TYPE, created.modelText("AccountId"), "CREATE_COMPLETE"));
        return created;
    }

    private HandlerResponse delete(
            final String region, final String stackId, final String logicalId, final JsonNode model) {
        return harness.driver
                .run(request("DELETE", region, stackId, logicalId, model))
                .last();
    }

    /** What the stack's LinkedCredentials does next: the account is then connected to the AWS account. */
    private void link(final HandlerResponse created) {
        harness.spot.state().link(created.modelText("AccountId"), "arn:aws:iam::123456789012:role/SpotRole");
    }

    /** The stack in the home region that the tests' first Account resource is created in. */
    private String homeStack() {
        final String stack = CloudFormationStandIn.stackId(HOME, "onboarding");
        cloudFormation.stack(stack, "CREATE_COMPLETE");
        return stack;
    }

    private boolean exists(final String accountId) {
        return harness.spot.state().account(accountId).isPresent();
    }

    @Test
    void aRenamedLogicalIdLeavesTheAccountTheNewResourceUses() {
        final String stack = homeStack();
        final HandlerResponse old = create(HOME, stack, "SpotAccount");
        final String accountId = old.modelText("AccountId");
        assertThat(old.modelText("Ownership")).isEqualTo("Created");
        link(old);

        // The edit: CloudFormation creates the new resource first, then deletes the old one in its cleanup.
        cloudFormation.status(stack, "UPDATE_IN_PROGRESS");
        final HandlerResponse renamed = create(HOME, stack, "SpotAccountMoved");
        cloudFormation.status(stack, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
        final HandlerResponse cleanup = delete(HOME, stack, "SpotAccount", old.model());
        cloudFormation.removeResource(stack, "SpotAccount").status(stack, "UPDATE_COMPLETE");

        assertThat(renamed.modelText("AccountId")).isEqualTo(accountId);
        assertThat(cleanup.status()).isEqualTo("SUCCESS");
        assertThat(cleanup.message()).contains("left in place", "SpotAccountMoved");
        assertThat(exists(accountId)).as("the account the stack now uses").isTrue();
        assertThat(harness.read(renamed.model()).status()).isEqualTo("SUCCESS");
    }

    @Test
    void aSecondStackForTheSameAwsAccountIsRefusedBeforeAnythingIsWritten() {
        final String first = homeStack();
        final String second = CloudFormationStandIn.stackId(AWAY, "onboarding");
        cloudFormation.stack(second, "CREATE_IN_PROGRESS");
        final HandlerResponse created = create(HOME, first, "SpotAccount");
        link(created);
        final long writes = harness.writes();

        final HandlerResponse refused = harness.driver
                .run(request("CREATE", AWAY, second, "SpotAccount", props("{}")))
                .last();

        assertThat(refused.errorCode()).isEqualTo("AlreadyExists");
        assertThat(refused.message()).contains(created.modelText("AccountId"), first, "one region");
        assertThat(harness.writes()).isEqualTo(writes);
    }

    @Test
    void aStackDeleteLeavesAnAccountThatAnotherStackStillHolds() {
        final String first = homeStack();
        final HandlerResponse created = create(HOME, first, "SpotAccount");
        final String accountId = created.modelText("AccountId");
        // Another stack's Account came to hold it (made before this check existed, or racing it).
        final String second = CloudFormationStandIn.stackId(AWAY, "onboarding");
        cloudFormation
                .stack(second, "CREATE_COMPLETE")
                .resource(second, new Resource("SpotAccount", TYPE, accountId, "CREATE_COMPLETE"));

        cloudFormation.status(first, "DELETE_IN_PROGRESS");
        final HandlerResponse firstDeleted = delete(HOME, first, "SpotAccount", created.model());

        assertThat(firstDeleted.status()).isEqualTo("SUCCESS");
        assertThat(firstDeleted.message()).contains("left in place", second);
        assertThat(exists(accountId)).isTrue();
        assertThat(cloudFormation.calls()).contains("DescribeStackResources eu-west-1");
    }

    @Test
    void aCreatedAccountNobodyElseHoldsIsDeletedWithItsStack() {
        final String stack = homeStack();
        final HandlerResponse created = create(HOME, stack, "SpotAccount");
        cloudFormation.status(stack, "DELETE_IN_PROGRESS");

        final HandlerResponse deleted = delete(HOME, stack, "SpotAccount", created.model());

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message()).startsWith("Deleted Spot account");
        assertThat(exists(created.modelText("AccountId"))).isFalse();
    }

    @Test
    void whenCloudFormationCannotAnswerTheAccountIsLeftAndTheMessageSaysWhy() {
        final HandlerResponse created = harness.create(props("{}")).last();
        cloudFormation.refuseWith("AccessDenied");

        final HandlerResponse deleted = harness.delete(created.model()).last();

        assertThat(deleted.status()).isEqualTo("SUCCESS");
        assertThat(deleted.message())
                .contains("left in place", "AccessDenied", "cloudformation:DescribeStackResources");
        assertThat(exists(created.modelText("AccountId"))).isTrue();
    }

    @Test
    void anAdoptedAccountIsDeletedOnlyWhenCloudFormationShowsAStackDeleteNeverOnAMissingRollbackField() {
        final SpotAccountRecord existing = harness.spot
                .state()
                .seedAccount("production", Duration.ofDays(30), "arn:aws:iam::123456789012:role/Old");
        final JsonNode adopted = harness.create(props("{\"ExistingAccountPolicy\":\"Adopt\"}"))
                .last()
                .model();

        // No rollback field: CloudFormation knows no such stack (Cloud Control), then shows a rollback.
        final HandlerResponse unknownStack = harness.delete(adopted).last();
        AccountHarness.stackDeleting();
        final String stack = harness.request("DELETE").json().path("stackId").asText();
        cloudFormation.status(stack, "UPDATE_ROLLBACK_IN_PROGRESS");
        final HandlerResponse rollback = harness.delete(adopted).last();

        assertThat(unknownStack.message()).contains("released", "stack status unknown");
        assertThat(rollback.message()).contains("released", "UPDATE_ROLLBACK_IN_PROGRESS");
        assertThat(exists(existing.accountId())).isTrue();

        cloudFormation.status(stack, "DELETE_IN_PROGRESS");
        final HandlerResponse stackDelete = harness.delete(adopted).last();

        assertThat(stackDelete.message()).startsWith("Deleted Spot account");
        assertThat(exists(existing.accountId()))
                .as("Adopt is the opt-in to this")
                .isFalse();
    }
}
