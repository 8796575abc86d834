package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.api.SpotApiClient;
import io.spot.onboarding.common.api.SpotClientTimeouts;
import io.spot.onboarding.common.api.SpotEndpoint;
import io.spot.onboarding.harness.HandlerDriver.Operation;
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
}
