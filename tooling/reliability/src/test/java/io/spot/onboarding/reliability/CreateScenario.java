package io.spot.onboarding.reliability;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.api.SpotApiClient;
import io.spot.onboarding.common.api.SpotClientTimeouts;
import io.spot.onboarding.common.api.SpotEndpoint;
import io.spot.onboarding.common.handler.DefaultAccountName;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;

/**
 * Each type's Create as the onboarding template runs it, with what must hold in Spot afterwards
 * whatever went wrong: nothing duplicated, nothing half done, nothing that is not this stack's.
 */
enum CreateScenario {
    ACCOUNT(SpotTypes.ACCOUNT) {
        @Override
        ObjectNode prepare(final SpotTypeHarness harness) {
            return CloudFormationRequest.props("{}");
        }

        @Override
        void assertSpot(final SpotTypeHarness harness, final HandlerResponse last) {
            final long made = harness.spot.state().accounts().stream()
                    .filter(a -> DefaultAccountName.carries(a.name(), AWS_ACCOUNT_ID)
                            || a.name().startsWith(CREATE_MARKER_PREFIX))
                    .count();
            assertThat(made)
                    .as("Spot accounts made for AWS account %s", AWS_ACCOUNT_ID)
                    .isLessThanOrEqualTo(1)
                    .isEqualTo(succeeded(last) ? 1 : made);
        }

        /**
         * Started over without its callback context after the account was renamed to its final name,
         * the Create can no longer prove the account is its own (Spot keeps no token): it refuses,
         * naming the account, rather than take a look-alike or make a second (see the type's docs).
         */
        @Override
        void assertSpotAfterFreshRestart(final SpotTypeHarness harness, final HandlerResponse last) {
            assertSpot(harness, last);
            if (!succeeded(last)) {
                assertThat(last.errorCode()).isEqualTo("AlreadyExists");
                assertThat(last.message()).contains("neither taken nor duplicated");
            }
        }

        @Override
        boolean mayRefuseAfterFreshRestart() {
            return true;
        }
    },
    LINKED_CREDENTIALS(SpotTypes.LINKED_CREDENTIALS) {
        @Override
        ObjectNode prepare(final SpotTypeHarness harness) {
            final String accountId = onboardedAccount(harness);
            return CloudFormationRequest.props("{\"AccountId\":\"" + accountId + "\",\"RoleArn\":\"" + ROLE
                    + "\",\"AccountOwnership\":\"Created\"}");
        }

        @Override
        void assertSpot(final SpotTypeHarness harness, final HandlerResponse last) {
            final String role = account(harness).iamRole();
            assertThat(role).as("the linked role").isIn(null, ROLE);
            if (succeeded(last)) {
                assertThat(role).isEqualTo(ROLE);
            }
        }
    },
    ACCOUNT_ALIAS(SpotTypes.ACCOUNT_ALIAS) {
        @Override
        ObjectNode prepare(final SpotTypeHarness harness) {
            final String accountId = onboardedAccount(harness);
            return CloudFormationRequest.props(
                    "{\"AccountId\":\"" + accountId + "\",\"Name\":\"after\",\"AccountOwnership\":\"Created\"}");
        }

        @Override
        void assertSpot(final SpotTypeHarness harness, final HandlerResponse last) {
            final String name = account(harness).name();
            assertThat(name).as("the account's name").isIn("before", "after");
            if (succeeded(last)) {
                assertThat(name).isEqualTo("after");
                assertThat(last.modelText("PreviousName")).isEqualTo("before");
            }
        }

        /**
         * Spot keeps no history of names: a Create started over with no callback context after its
         * rename went through can only see the new name (documented in the type's docs).
         */
        @Override
        void assertSpotAfterFreshRestart(final SpotTypeHarness harness, final HandlerResponse last) {
            assertThat(account(harness).name()).isEqualTo("after");
            assertThat(last.modelText("PreviousName")).isIn("before", "after");
        }
    },
    COST_INTELLIGENCE(SpotTypes.COST_INTELLIGENCE) {
        @Override
        ObjectNode prepare(final SpotTypeHarness harness) {
            final String accountId = onboardedAccount(harness);
            harness.spot.state().link(accountId, ROLE);
            return CloudFormationRequest.props(
                    "{\"AccountId\":\"" + accountId + "\",\"AccountOwnership\":\"Created\"}");
        }

        @Override
        void assertSpot(final SpotTypeHarness harness, final HandlerResponse last) {
            if (succeeded(last)) {
                assertThat(account(harness).ciEnrolled()).isTrue();
            }
            assertThat(harness.spot.state().accounts())
                    .as("no account created or lost")
                    .hasSize(2);
        }
    };

    static final String ROLE = "arn:aws:iam::" + AWS_ACCOUNT_ID + ":role/SpotRole";
    /** The name the Account type gives an account it creates until it names it (its CreateMarker). */
    static final String CREATE_MARKER_PREFIX = "cfn-pending-";

    private final SpotTypes type;

    CreateScenario(final SpotTypes type) {
        this.type = type;
    }

    SpotTypes type() {
        return type;
    }

    /** Sets Spot up as the stack's earlier resources leave it; returns the Create's properties. */
    abstract ObjectNode prepare(SpotTypeHarness harness);

    /** What must hold in Spot after the operation, successful or not. */
    abstract void assertSpot(SpotTypeHarness harness, HandlerResponse last);

    /** What must hold after a Create that CloudFormation started over, without the callback context. */
    void assertSpotAfterFreshRestart(final SpotTypeHarness harness, final HandlerResponse last) {
        assertSpot(harness, last);
    }

    /** Whether a Create started over without its context may end refusing instead of succeeding. */
    boolean mayRefuseAfterFreshRestart() {
        return false;
    }

    static boolean succeeded(final HandlerResponse last) {
        return "SUCCESS".equals(last.status());
    }

    /** The Spot account the Account type leaves: created, named "before", with an external ID minted. */
    private static String onboardedAccount(final SpotTypeHarness harness) {
        final SpotAccountRecord account = harness.spot.state().createAccount("before");
        SpotApiClient.create(SpotEndpoint.of(harness.spot.baseUrl()), harness.token, SpotClientTimeouts.DEFAULT)
                .createExternalId(account.accountId());
        harness.spot.clearRequests();
        return account.accountId();
    }

    private static SpotAccountRecord account(final SpotTypeHarness harness) {
        return harness.spot.state().accounts().stream()
                .filter(a -> !a.accountId().equals(harness.spot.state().defaultAccountId()))
                .findFirst()
                .orElseThrow();
    }
}
