package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How Account's Create learns what a failed create did: a refused create did nothing, and its retry
 * lists the organization again only as the create-minute check; a create with no answer may have made
 * the account, and the listing finds it.
 * How every type maps failures to codes and waits is spot-reliability's {@code FailureMappingTest}.
 */
class AccountCreateOutcomeTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    @Test
    void aThrottledCreateIsRetriedAfterTheCreateMinuteIsCheckedAgain() {
        harness.spot.faults().throttleNext("POST", "/setup/account", 2, 42);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.requestCount("POST", "/setup/account")).isEqualTo(3);
        assertThat(harness.spot.state().accounts())
                .as("the seeded account and the one created: the refused creates made nothing")
                .hasSize(2);
        assertThat(organizationListings())
                .as("before the first create, and before each retry")
                .isEqualTo(3);
        assertThat(create.events()
                        .get(0)
                        .callbackContext()
                        .path("createRefusals")
                        .asInt())
                .as("the refusal is carried into the retries' create-minute check, which paces refused Creates")
                .isEqualTo(1);
    }

    @Test
    void aCreateWhoseOutcomeIsUnknownListsTheOrganizationAgainAndFindsItsAccount() {
        harness.spot.faults().serverErrorNext("POST", "/setup/account", 1, 503);
        harness.spot.faults().dropResponseAfterWrite("POST", "/setup/account", 1);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        assertThat(organizationListings())
                .as("before the first create, and after each with no answer")
                .isEqualTo(3);
        assertThat(harness.spot.requestCount("POST", "/setup/account")).isEqualTo(2);
        assertThat(harness.spot.state().accounts())
                .as("the seeded account and the one created")
                .hasSize(2);
    }

    /** GET /setup/account without a filter: the whole organization. */
    private long organizationListings() {
        return harness.spot.requests().stream()
                .filter(r -> "GET".equals(r.method()) && "/setup/account".equals(r.route()) && r.query() == null)
                .count();
    }
}
