package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How Spot answers the credentials read of an account without a link is not public: an empty answer
 * or Spot's own "not found" there, for an account that exists, means "no link"; the account's own read
 * tells a gone account apart. Any other refusal is a failure with Spot's words, never "no link".
 */
class LinkedCredentialsNoLinkTest {
    private static final String CREDENTIALS = "/setup/credentials/aws";

    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    @Test
    void aCreateWhoseCheckMeetsA4xxOnTheLinkReadLinksTheAccount() {
        final String accountId = harness.account();
        harness.type.spot.faults().serverErrorNext("GET", CREDENTIALS, 1, 404);

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.last().model().has("PreviousRoleArn")).isFalse();
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void aReadMeetingSpotsNotFoundForAnExistingAccountIsNotFoundForNoLink() {
        final String accountId = harness.account();
        harness.type.spot.faults().serverErrorNext("GET", CREDENTIALS, 1, 404);

        final HandlerResponse read = harness.type.read(props(accountId, ROLE));

        assertThat(read.errorCode()).isEqualTo("NotFound");
        assertThat(read.message()).contains("linked to no IAM role");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"400, InvalidRequest", "422, InvalidRequest", "401, InvalidCredentials"})
    void anyOtherRefusalOfTheLinkReadFailsWithSpotsMessageInsteadOfReportingNoLink(
            final int status, final String errorCode) {
        final String accountId = harness.accountLinkedTo(ROLE);
        harness.type.spot.faults().serverErrorNext("GET", CREDENTIALS, 1, status);

        final HandlerResponse read = harness.type.read(props(accountId, ROLE));

        assertThat(read.errorCode()).isEqualTo(errorCode);
        assertThat(read.message()).doesNotContain("linked to no IAM role");
    }

    @Test
    void aRollbackMeetingA400OnTheLinkReadFailsRatherThanSkipTheRelinkToThePreviousRole() {
        final String previous = LinkedCredentialsGiveBackTest.CONSOLE_ROLE;
        final String accountId = harness.accountLinkedTo(previous);
        final JsonNode kept = harness.type.createKept(props(accountId, ROLE, "Adopted"));
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
        harness.type.spot.faults().serverErrorNext("GET", CREDENTIALS, 1, 422);

        final HandlerResponse refused = harness.type.rollbackDelete(kept).last();

        assertThat(refused.status()).isEqualTo("FAILED");
        assertThat(refused.errorCode()).isEqualTo("InvalidRequest");
        assertThat(harness.linkedRole(accountId))
                .as("not yet given back, but not given up")
                .isEqualTo(ROLE);

        final HandlerResponse retried = harness.type.rollbackDelete(kept).last();

        assertThat(retried.status()).isEqualTo("SUCCESS");
        assertThat(harness.linkedRole(accountId)).isEqualTo(previous);
    }

    @Test
    void aReadOfAGoneAccountIsNotFoundForTheAccount() {
        final String accountId = harness.accountLinkedTo(ROLE);
        harness.type.spot.state().delete(accountId);

        final HandlerResponse read = harness.type.read(props(accountId, ROLE));

        assertThat(read.errorCode()).isEqualTo("NotFound");
        assertThat(read.message()).doesNotContain("linked to no IAM role");
    }
}
