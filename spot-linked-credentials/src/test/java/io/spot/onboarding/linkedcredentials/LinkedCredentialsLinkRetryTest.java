package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the link (set-credentials) is sent again when Spot refuses it, loses its answer or does not
 * answer, alongside the wait for IAM to propagate the role. How every type maps failures to codes
 * and waits is spot-reliability's {@code FailureMappingTest}.
 */
class LinkedCredentialsLinkRetryTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    private final String accountId = harness.account();

    @Test
    void throttlingDoesNotShortenTheWaitForPropagation() {
        // Propagation that takes the whole budget: the 8th call, 140 s after the first that reached Spot, links.
        harness.type
                .spot
                .faults()
                .iamPropagationDelay(Duration.ofSeconds(PropagationWait.TOTAL_SECONDS - PropagationWait.FIRST_SECONDS));
        harness.type.spot.faults().throttleNext("POST", "/setup/credentials/aws", 3, 1);

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.linkCalls()).isEqualTo(3 + PropagationWait.ATTEMPTS);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aLinkWhoseAnswerWasLostIsSentAgainAndLinksOnce() {
        harness.type.spot.faults().dropResponseAfterWrite("POST", "/setup/credentials/aws", 1);

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events().get(0).message()).contains("Waiting");
        assertThat(harness.linkCalls()).isEqualTo(2);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aLinkThatNeverAnswersIsRetriedThenFailsAsNetworkFailure() {
        harness.type.spot.faults().latency("POST", "/setup/credentials/aws", Duration.ofSeconds(4));

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().errorCode()).as("every attempt times out").isEqualTo("NetworkFailure");
        assertThat(create.events())
                .as("the wait for IAM, then the retries")
                .hasSize(RetryPolicy.MAX_TRANSIENT_RETRIES + 2);
        assertThat(create.last().message()).contains("Could not get an answer from Spot", accountId);
    }
}
