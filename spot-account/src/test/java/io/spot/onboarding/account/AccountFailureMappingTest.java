package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spot and network failures, mapped as DESIGN.md §4 says, through the real wrapper. */
class AccountFailureMappingTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    private JsonNode created() {
        return harness.create(props("{}")).last().model();
    }

    @Test
    void aRejectedTokenIsInvalidCredentialsSayingWhereTheTokenCameFrom() {
        final HandlerResponse response = harness.driver.invoke(harness.request("READ")
                .typeConfiguration(harness.typeConfiguration("notTheRightToken"))
                .properties(props("{\"AccountId\":\"act-12345678\"}"))
                .json());

        assertThat(response.errorCode()).isEqualTo("InvalidCredentials");
        assertThat(response.message()).contains("SpotCredentials.ApiToken").contains("401");
    }

    @Test
    void aTokenWithoutWriteRightsIsAccessDenied() {
        final Operation create = harness.driver.run(harness.request("CREATE")
                .typeConfiguration(harness.typeConfiguration(harness.readOnlyToken))
                .properties(props("{}"))
                .json());

        assertThat(create.last().errorCode()).isEqualTo("AccessDenied");
        assertThat(create.last().message()).contains("403").contains("organization admin");
    }

    @Test
    void throttlingDuringCreateWaitsAtLeastTheResetAndThenSucceeds() {
        harness.spot.faults().throttleNext("POST", "/setup/account", 2, 42);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .filteredOn(e -> e.message() != null && e.message().contains("429"))
                .hasSize(2)
                .allSatisfy(e -> {
                    assertThat(e.status()).isEqualTo("IN_PROGRESS");
                    assertThat(e.callbackDelaySeconds()).isBetween(42 + 1, 42 + RetryPolicy.SPREAD * 42);
                });
        assertThat(harness.spot.state().accounts()).hasSize(2);
        assertThat(organizationListings())
                .as("a throttled create did nothing: the organization is listed once")
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

    @Test
    void throttlingWithoutAResetHeaderBacksOffExponentially() {
        harness.spot.faults().throttleNextWithoutResetHeader("GET", "/setup/account", 3);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events().subList(0, 3))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .satisfies(d -> {
                    assertThat(d.get(0)).isBetween(2 + 1, 2 + 8);
                    assertThat(d.get(1)).isBetween(4 + 1, 4 + 16);
                    assertThat(d.get(2)).isBetween(8 + 1, 8 + 32);
                });
    }

    @Test
    void throttlingThatNeverEndsFailsAsThrottlingAfterABoundedWait() {
        harness.spot.faults().throttleNext("GET", "/setup/account", 1000, 30);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().errorCode()).isEqualTo("Throttling");
        assertThat(create.totalDelaySeconds())
                .as("waited out the limit for the whole budget, no longer")
                .isBetween((long) RetryPolicy.MAX_THROTTLE_WAIT_SECONDS, RetryPolicy.MAX_THROTTLE_WAIT_SECONDS + 600L);
        assertThat(create.totalDelaySeconds())
                .as("within the schema's 2,160-minute timeout")
                .isLessThan(Duration.ofMinutes(2160).toSeconds());
        final long refusedWaits = create.events().stream()
                // A refusal's wait, not an owed one: "Waiting 429 s more ..." would otherwise count as a refusal.
                .filter(e -> "IN_PROGRESS".equals(e.status())
                        && e.message() != null
                        && e.message().contains(" s before calling Spot again")
                        && e.message().contains("429"))
                .count();
        assertThat(create.events())
                .as("waits longer than one callback go on without calling Spot")
                .anySatisfy(e -> assertThat(e.message()).contains("more before calling Spot again"));
        assertThat(harness.spot.requestCount("GET", "/setup/account"))
                .as("one call per refusal, and the last")
                .isEqualTo(refusedWaits + 1);
    }

    @Test
    void throttlingDuringReadFailsAtOnceAsThrottling() {
        final JsonNode model = created();
        harness.spot.faults().throttleNext("GET", "/setup/account/{id}", 1, 20);

        final HandlerResponse read = harness.read(model);

        assertThat(read.errorCode()).isEqualTo("Throttling");
        assertThat(read.message()).contains("20 s");
    }

    @Test
    void serverErrorsAreRetriedByMutatingHandlersThenSucceed() {
        final JsonNode model = created();
        harness.spot.faults().serverErrorNext("PUT", "/setup/account/{id}", 2, 503);

        final Operation update = harness.update(model, props("{\"Name\":\"renamed\"}"));

        assertThat(update.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
        assertThat(update.events().subList(0, 2))
                .extracting(HandlerResponse::callbackDelaySeconds)
                .containsExactly(5, 10);
    }

    @Test
    void serverErrorsThatPersistFailAsServiceInternalError() {
        final JsonNode model = created();
        harness.spot.faults().serverErrorNext("DELETE", "/setup/account/{id}", 100, 500);

        final Operation delete = harness.delete(model);

        assertThat(delete.last().errorCode()).isEqualTo("ServiceInternalError");
        assertThat(delete.events()).hasSize(RetryPolicy.MAX_TRANSIENT_RETRIES + 1);
        assertThat(delete.last().message()).contains("HTTP 500").contains("Spot request id");
    }

    @Test
    void aServerErrorDuringReadIsServiceInternalError() {
        final JsonNode model = created();
        harness.spot.faults().serverErrorNext("GET", "/setup/account/{id}", 1, 502);

        assertThat(harness.read(model).errorCode()).isEqualTo("ServiceInternalError");
    }

    @Test
    void aTimeoutIsNetworkFailure() {
        final JsonNode model = created();
        harness.spot.faults().latency("GET", "/setup/account/{id}", Duration.ofSeconds(4));

        final HandlerResponse read = harness.read(model);

        assertThat(read.errorCode()).isEqualTo("NetworkFailure");
        assertThat(read.message()).contains("Could not get an answer from Spot");
    }

    @Test
    void aConnectionResetIsNetworkFailureForReadAndRetriedForDelete() {
        final JsonNode model = created();
        harness.spot.faults().resetConnectionNext("GET", "/setup/account/{id}", 1);
        assertThat(harness.read(model).errorCode()).isEqualTo("NetworkFailure");

        harness.spot.faults().resetConnectionNext("DELETE", "/setup/account/{id}", 1);
        final Operation delete = harness.delete(model);

        assertThat(delete.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.spot.state().account(model.get("AccountId").asText()))
                .isEmpty();
    }

    @Test
    void anUnreachableSpotIsNetworkFailure() {
        final var request = harness.request("READ")
                .properties(props("{\"AccountId\":\"act-12345678\"}"))
                .json();
        harness.spot.close();

        final HandlerResponse read = harness.driver.invoke(request);

        assertThat(read.errorCode()).isEqualTo("NetworkFailure");
        assertThat(read.message()).contains("act-12345678");
    }

    @Test
    void anApiUrlThatWouldSendTheTokenInClearTextIsRefused() {
        final var configuration = harness.typeConfiguration();
        ((com.fasterxml.jackson.databind.node.ObjectNode) configuration.get("SpotCredentials"))
                .put("ApiUrl", "http://api.spotinst.io");

        final HandlerResponse read = harness.driver.invoke(harness.request("READ")
                .typeConfiguration(configuration)
                .properties(props("{\"AccountId\":\"act-12345678\"}"))
                .json());

        assertThat(read.errorCode()).isEqualTo("InvalidTypeConfiguration");
        assertThat(read.message()).contains("SpotCredentials.ApiUrl").contains("https://");
        assertThat(harness.spot.requests()).isEmpty();
    }
}
