package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.handler.WaitBudget;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The create route's limit, once Spot announced it to this Create in a refusal, paces its next create by the
 * organization listing: while the listing shows Spot's last minute full, the Create waits instead of sending
 * a create Spot would refuse (and count).
 */
class CreatePaceGateTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    private static final int LIMIT = 20;

    /** Other StackSet accounts' creates, all in this instant (the organization's own account is older). */
    private void othersCreatedNow(final int accounts) {
        harness.clock.advance(Duration.ofMinutes(11));
        for (int i = 0; i < accounts; i++) {
            harness.spot.state().createAccount("cfn-pending-other-" + i);
        }
    }

    /** The Create's first invocation, whose create Spot refuses while the minute is full of others' creates. */
    private HandlerResponse refusedOnceAtAFullMinute(final ObjectNode request) {
        harness.spot.faults().rateLimit("POST", "/setup/account", LIMIT, Duration.ofSeconds(60));
        harness.spot.faults().throttleNext("POST", "/setup/account", 1, 1);
        othersCreatedNow(LIMIT);
        final HandlerResponse refused = harness.driver.invoke(request);
        assertThat(refused.status()).isEqualTo("IN_PROGRESS");
        return refused;
    }

    @Test
    void aRefusedCreateLearnsTheLimitAndWaitsForRoomInTheMinuteThenCreatesOnce() {
        harness.spot.faults().rateLimit("POST", "/setup/account", LIMIT, Duration.ofSeconds(60));
        harness.spot.faults().throttleNext("POST", "/setup/account", 1, 1);
        othersCreatedNow(LIMIT);
        final int before = harness.spot.state().accounts().size();

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        final List<HandlerResponse> waits = create.events().stream()
                .filter(e -> e.message() != null && e.message().contains("before creating"))
                .toList();
        assertThat(waits)
                .as("after the refusal, one wait for the minute to empty")
                .hasSize(1);
        assertThat(waits.get(0).message())
                .contains("Spot created " + LIMIT + " accounts in the last minute")
                .contains("the create route's limit of " + LIMIT + " a minute");
        assertThat(waits.get(0).callbackContext().path("createLimit").asInt()).isEqualTo(LIMIT);
        assertThat(harness.spot.requestCount("POST", "/setup/account"))
                .as("the refused create and one after the wait")
                .isEqualTo(2);
        assertThat(harness.spot.state().accounts()).hasSize(before + 1);
    }

    /** The pace's waits count against the operation's one budget: a wait past it fails, and nothing is created. */
    @Test
    void aPaceWaitPastTheOperationsBudgetFailsSayingWhatItWaitedFor() {
        final ObjectNode request =
                harness.request("CREATE").properties(props("{}")).json();
        final HandlerResponse refused = refusedOnceAtAFullMinute(request);
        final ObjectNode next = HandlerDriver.continuation(request, refused);
        // As if the operation had already waited all but a second of its budget.
        ((ObjectNode) next.get("callbackContext")).put("waitedSeconds", WaitBudget.MAX_WAIT_SECONDS - 1);
        final int accounts = harness.spot.state().accounts().size();

        final HandlerResponse gaveUp = harness.driver.invoke(next);

        assertThat(gaveUp.status()).isEqualTo("FAILED");
        assertThat(gaveUp.errorCode()).isEqualTo("Throttling");
        assertThat(gaveUp.message())
                .startsWith("Gave up after waiting " + (WaitBudget.MAX_WAIT_SECONDS / 60 - 1) + " minutes in all")
                .contains("Spot created " + LIMIT + " accounts in the last minute")
                .contains("before creating the Spot account");
        assertThat(harness.spot.state().accounts()).hasSize(accounts);
        assertThat(harness.spot.requestCount("POST", "/setup/account"))
                .as("only the refused one")
                .isEqualTo(1);
    }

    /** Someone connects the AWS account to a Spot account while the Create waits: it is used, not doubled. */
    @Test
    void anAccountConnectedDuringTheWaitIsFoundByTheListing() {
        final ObjectNode request =
                harness.request("CREATE").properties(props("{}")).json();
        final HandlerResponse refused = refusedOnceAtAFullMinute(request);
        final HandlerResponse waiting = harness.driver.invoke(HandlerDriver.continuation(request, refused));
        assertThat(waiting.message()).contains("before creating");
        final SpotAccountRecord meanwhile = harness.spot.state().createAccount("connected in the console");
        harness.spot
                .state()
                .link(meanwhile.accountId(), "arn:aws:iam::" + CloudFormationRequest.AWS_ACCOUNT_ID + ":role/SpotRole");
        final int accounts = harness.spot.state().accounts().size();

        final HandlerResponse done = harness.driver.invoke(HandlerDriver.continuation(request, waiting));

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("AccountId")).isEqualTo(meanwhile.accountId());
        assertThat(done.modelText("Ownership")).isEqualTo("Reused");
        assertThat(harness.spot.state().accounts()).hasSize(accounts);
        assertThat(harness.spot.requestCount("POST", "/setup/account"))
                .as("only the refused one")
                .isEqualTo(1);
    }

    @Test
    void withNoCreateInTheLastTenMinutesNothingIsKnownAndTheCreateGoesAhead() {
        othersCreatedNow(LIMIT * 3);
        harness.clock.advance(Duration.ofMinutes(11));

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events()).noneSatisfy(e -> assertThat(e.message()).contains("before creating"));
    }
}
