package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.api.SpotApiClient;
import io.spot.onboarding.common.api.SpotClientTimeouts;
import io.spot.onboarding.common.api.SpotEndpoint;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A crowd of creates, seen in the lookup's own X-RateLimit headers, is spread before any create is refused. */
class CreateSpreadTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    @BeforeEach
    void limitTheLookupRoute() {
        harness.spot.faults().rateLimit("GET", "/setup/account", 600, Duration.ofSeconds(60));
    }

    /** Other accounts' handlers looking up their Spot accounts in the same minute. */
    private void othersLookUp(final int calls) {
        final SpotApiClient other = SpotApiClient.create(
                SpotEndpoint.of(harness.spot.baseUrl()),
                harness.token,
                new SpotClientTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5)));
        for (int i = 0; i < calls; i++) {
            other.findAccountsByCloudAccount(String.format("2100000%05d", i));
        }
    }

    @Test
    void aCrowdedMinuteWaitsOnceBeforeTheCreate() {
        othersLookUp(150);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events().get(0).status()).isEqualTo("IN_PROGRESS");
        assertThat(create.events().get(0).message())
                .contains("151 account lookups")
                .contains("before creating");
        assertThat(create.events().get(0).callbackDelaySeconds()).isBetween(1, 151);
        assertThat(harness.spot.requestCount("POST", "/setup/account"))
                .as("no create before the wait")
                .isEqualTo(1);
        assertThat(create.events())
                .filteredOn(e -> e.message() != null && e.message().contains("before creating"))
                .as("only the first create waits")
                .hasSize(1);
    }

    @Test
    void aQuietMinuteCreatesAtOnce() {
        othersLookUp(10);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events()).noneSatisfy(e -> assertThat(e.message()).contains("before creating"));
    }

    /** The listing right before the create checks the AWS account again: the spread costs no second lookup. */
    @Test
    void afterTheWaitTheAwsAccountIsNotLookedUpAgain() {
        othersLookUp(150);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.requestCount("GET", "/setup/account"))
                .as("the others' 150, this Create's lookup and its listing")
                .isEqualTo(152);
    }

    /** Someone connects the AWS account to a Spot account while the Create waits: it is used, not doubled. */
    @Test
    void anAccountConnectedDuringTheWaitIsFoundByTheListing() {
        othersLookUp(150);
        final ObjectNode request =
                harness.request("CREATE").properties(props("{}")).json();
        final HandlerResponse waiting = harness.driver.invoke(request);
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
        assertThat(harness.spot.requestCount("POST", "/setup/account")).isZero();
    }
}
