package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AliasHarness.AWS_ACCOUNT_ID;
import static io.spot.onboarding.accountalias.AliasHarness.nameOf;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * IAM answers moto_server cannot give (denied, throttled, failing, unreachable), from a stand-in
 * IAM speaking IAM's XML, reached by the real SDK client with the credentials CloudFormation passed.
 */
class AccountAliasIamFailureTest {
    @RegisterExtension
    final FakeIam iam = new FakeIam();

    @RegisterExtension
    final SpotTypeHarness harness = AliasHarness.start(iam.source());

    private final String accountId = AliasHarness.onboardedAccount(harness).accountId();

    private ObjectNode byAlias() {
        return props("{\"AccountId\":\"" + accountId + "\",\"AccountOwnership\":\"Created\"}");
    }

    @Test
    void theAliasIsReadWithTheCredentialsCloudFormationPassedTheHandler() {
        iam.alias("acme-signed");

        final HandlerResponse done = harness.create(byAlias()).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-signed");
        assertThat(iam.seen()).singleElement().satisfies(call -> {
            assertThat(call.body()).contains("Action=ListAccountAliases");
            assertThat(call.authorization())
                    .as("signed with the caller credentials of the request, not the client's")
                    .contains("Credential=AKIAIOSFODNN7EXAMPLE/")
                    .contains("/us-east-1/iam/aws4_request");
            assertThat(call.securityToken()).isEqualTo("test-session-token");
        });
    }

    @Test
    void accessDeniedIsAClearFailureNamingTheMissingPermission() {
        iam.denyAlways();

        final Operation create = harness.create(byAlias());

        assertThat(create.events())
                .as("no waiting: permissions do not appear by themselves")
                .hasSize(1);
        final HandlerResponse refused = create.last();
        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.errorCode()).isEqualTo("AccessDenied");
        assertThat(refused.message())
                .contains("may not call iam:ListAccountAliases in AWS account " + AWS_ACCOUNT_ID)
                .contains("HTTP 403 AccessDenied")
                .contains("is not authorized to perform: iam:ListAccountAliases")
                .contains("resource-role.yaml")
                .contains("or set Name");
        assertThat(harness.spot.requests()).as("IAM is asked before Spot").isEmpty();
    }

    @Test
    void accessDeniedDuringUpdateToTheAliasLeavesTheNameAlone() {
        final JsonNode created = harness.createKept(
                props("{\"AccountId\":\"" + accountId + "\",\"Name\":\"explicit\",\"AccountOwnership\":\"Created\"}"));
        iam.denyAlways();

        final HandlerResponse refused = harness.update(created, byAlias().put("AccountOwnership", "Created"))
                .last();

        assertThat(refused.errorCode()).isEqualTo("AccessDenied");
        assertThat(refused.message()).contains("iam:ListAccountAliases");
        assertThat(nameOf(harness, accountId)).isEqualTo("explicit");
    }

    @Test
    void anExplicitNameNeedsNoIamPermission() {
        iam.denyAlways();

        final HandlerResponse done = harness.create(
                        props("{\"AccountId\":\"" + accountId + "\",\"Name\":\"x\",\"AccountOwnership\":\"Created\"}"))
                .last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(iam.seen()).isEmpty();
    }

    @Test
    void iamThrottlingIsWaitedOutWithInProgressThenTheAliasIsApplied() {
        iam.alias("acme-patient").thenError(400, "Throttling", "Rate exceeded", 2);

        final Operation create = harness.create(byAlias());

        assertThat(create.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertThat(create.events().subList(0, 3))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .containsExactly(5, 10, 0);
        assertThat(create.events().get(0).message())
                .contains("asking IAM for the account alias again")
                .contains("Throttling");
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-patient");
        assertThat(iam.seen()).hasSize(3);
    }

    @Test
    void iamFailingPersistentlyEndsAsServiceInternalErrorAfterABoundedWait() {
        iam.thenError(503, "ServiceUnavailable", "Service is unavailable", 100);

        final Operation create = harness.create(byAlias());

        assertThat(create.events()).hasSize(RetryPolicy.MAX_TRANSIENT_RETRIES + 1);
        assertThat(create.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(create.last().message()).contains("IAM failed").contains("HTTP 503");
        assertThat(harness.writes()).isZero();
    }

    @Test
    void anUnreachableIamIsNetworkFailure() {
        iam.stopAnswering();

        final Operation create = harness.create(byAlias());

        assertThat(create.last().errorCode()).isEqualTo("NetworkFailure");
        assertThat(create.last().message()).contains("Could not get an answer from IAM");
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void theAliasIsAskedForOnceEvenWhenSpotMakesTheCreateWait() {
        iam.alias("acme-once");
        harness.spot.faults().throttleNext("PUT", "/setup/account/{id}", 2, 10);

        final Operation create = harness.create(byAlias());

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .as("the name recorded, two throttled renames, the rename")
                .hasSize(4);
        assertThat(iam.seen()).hasSize(1);
    }
}
