package io.spot.onboarding.reliability;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.util.List;
import java.util.Optional;

/**
 * Where each type's operations meet Spot, for {@link FailureMappingTest}: the Spot call each
 * operation makes that the suite fails, and what the type writes in Spot, to tell whether a failure
 * changed it. The Create is {@link CreateScenario}'s: Spot set up as the stack's earlier resources
 * leave it.
 */
enum SpotCalls {
    ACCOUNT(
            CreateScenario.ACCOUNT,
            new Call("POST", "/setup/account"),
            new Call("GET", "/setup/account/{id}"),
            new Call("GET", "/setup/account"),
            new Call("DELETE", "/setup/account/{id}"),
            Optional.of(new Call("PUT", "/setup/account/{id}")),
            1,
            0,
            0) {
        /** The names of the accounts in the organization, Spot's default account aside. */
        @Override
        Object written(final SpotTypeHarness harness) {
            return harness.spot.state().accounts().stream()
                    .filter(a -> !a.accountId().equals(harness.spot.state().defaultAccountId()))
                    .map(SpotAccountRecord::name)
                    .sorted()
                    .toList();
        }

        @Override
        ObjectNode updated(final JsonNode created) {
            return ((ObjectNode) created.deepCopy()).put("Name", "renamed");
        }

        @Override
        Object writtenAfterUpdate() {
            return List.of("renamed");
        }

        /** The account this stack created is deleted with it. */
        @Override
        Object writtenAfterDelete() {
            return List.of();
        }
    },
    LINKED_CREDENTIALS(
            CreateScenario.LINKED_CREDENTIALS,
            new Call("POST", "/setup/credentials/aws"),
            new Call("GET", "/setup/credentials/aws"),
            new Call("GET", "/setup/credentials/aws"),
            new Call("GET", "/setup/credentials/aws"),
            Optional.of(new Call("POST", "/setup/credentials/aws")),
            1,
            1,
            1) {
        /** The role the account is linked to. */
        @Override
        Object written(final SpotTypeHarness harness) {
            return Optional.ofNullable(member(harness).iamRole());
        }

        @Override
        ObjectNode updated(final JsonNode created) {
            return ((ObjectNode) created.deepCopy()).put("RoleArn", NEW_ROLE);
        }

        @Override
        Object writtenAfterUpdate() {
            return Optional.of(NEW_ROLE);
        }

        /** Spot has no unlink: Delete leaves the link (the type's docs). */
        @Override
        Object writtenAfterDelete() {
            return Optional.of(CreateScenario.ROLE);
        }
    },
    ACCOUNT_ALIAS(
            CreateScenario.ACCOUNT_ALIAS,
            new Call("PUT", "/setup/account/{id}"),
            new Call("GET", "/setup/account/{id}"),
            new Call("GET", "/setup/account"),
            new Call("PUT", "/setup/account/{id}"),
            Optional.of(new Call("PUT", "/setup/account/{id}")),
            1,
            1,
            0) {
        /** The account's name. */
        @Override
        Object written(final SpotTypeHarness harness) {
            return member(harness).name();
        }

        @Override
        ObjectNode updated(final JsonNode created) {
            return ((ObjectNode) created.deepCopy()).put("Name", "renamed");
        }

        @Override
        Object writtenAfterUpdate() {
            return "renamed";
        }

        /** Delete gives the account the name it had before the stack. */
        @Override
        Object writtenAfterDelete() {
            return "before";
        }
    },
    COST_INTELLIGENCE(
            CreateScenario.COST_INTELLIGENCE,
            new Call("POST", "/cbi/v1/setup/account"),
            new Call("GET", "/cbi/v1/setup/account"),
            new Call("GET", "/cbi/v1/setup/account"),
            new Call("GET", "/cbi/v1/setup/account"),
            Optional.empty(),
            0,
            0,
            0) {
        /** Whether the account is enrolled. */
        @Override
        Object written(final SpotTypeHarness harness) {
            return member(harness).ciEnrolled();
        }

        @Override
        ObjectNode updated(final JsonNode created) {
            throw new UnsupportedOperationException("no property of CostIntelligence is updated in Spot");
        }

        @Override
        Object writtenAfterUpdate() {
            throw new UnsupportedOperationException("no property of CostIntelligence is updated in Spot");
        }

        /** Spot has no un-enroll: Delete leaves the enrollment (the type's docs). */
        @Override
        Object writtenAfterDelete() {
            return true;
        }
    };

    static final String NEW_ROLE = "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/SpotRole-v2";

    /** One Spot route, as the emulator's fault injection names it. */
    record Call(String method, String route) {}

    final CreateScenario create;
    /** The call by which Create changes Spot. */
    final Call createWrite;

    final Call read;
    final Call list;
    /** The call Delete cannot do without (what it writes, or the read that tells it what to leave). */
    final Call delete;
    /** The call by which Update changes Spot; empty when no update reaches Spot. */
    final Optional<Call> updateWrite;
    /** IN_PROGRESS events a Create returns when nothing fails. */
    final int createSteps;
    /**
     * Of these, those Create returns before its write whatever Spot answers: LinkedCredentials
     * waits for IAM, AccountAlias records the name to restore first.
     */
    final int createStepsBeforeWrite;
    /** The same for Update: LinkedCredentials waits for IAM to know the new role. */
    final int updateStepsBeforeWrite;

    SpotCalls(
            final CreateScenario create,
            final Call createWrite,
            final Call read,
            final Call list,
            final Call delete,
            final Optional<Call> updateWrite,
            final int createSteps,
            final int createStepsBeforeWrite,
            final int updateStepsBeforeWrite) {
        this.create = create;
        this.createWrite = createWrite;
        this.read = read;
        this.list = list;
        this.delete = delete;
        this.updateWrite = updateWrite;
        this.createSteps = createSteps;
        this.createStepsBeforeWrite = createStepsBeforeWrite;
        this.updateStepsBeforeWrite = updateStepsBeforeWrite;
    }

    SpotTypes type() {
        return create.type();
    }

    /** What this type writes in Spot, comparable with equals. */
    abstract Object written(SpotTypeHarness harness);

    /** Desired properties for an Update of {@code created} that reaches Spot. */
    abstract ObjectNode updated(JsonNode created);

    /** {@link #written} after a successful Create and the Update {@link #updated} asks for. */
    abstract Object writtenAfterUpdate();

    /** {@link #written} after a successful Create and its Delete. */
    abstract Object writtenAfterDelete();

    /** The one Spot account, the default aside, that the Create's scenario works on. */
    private static SpotAccountRecord member(final SpotTypeHarness harness) {
        return harness.spot.state().accounts().stream()
                .filter(a -> !a.accountId().equals(harness.spot.state().defaultAccountId()))
                .findFirst()
                .orElseThrow();
    }
}
