package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Where Spot refuses a name with no letter (open question 6), a default Create names the account aws-<ID>. */
class AccountNameFallbackTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    @BeforeEach
    void spotRefusesDigitsOnly() {
        harness.spot.state().answers(SpotAnswers.DEFAULT.with(SpotAnswers.Names.REFUSED));
    }

    @Test
    void theDefaultNameFallsBackToAwsAndTheAccountId() {
        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("Name")).isEqualTo("aws-" + AWS_ACCOUNT_ID);
        assertThat(harness.spot
                        .state()
                        .account(done.modelText("AccountId"))
                        .orElseThrow()
                        .name())
                .isEqualTo("aws-" + AWS_ACCOUNT_ID);
    }

    @Test
    void aNameTheTemplateSetsIsNotReplacedAndSpotsRefusalSaysWhy() {
        final HandlerResponse done =
                harness.create(props("{\"Name\":\"2024\"}")).last();

        assertThat(done.status()).isEqualTo("FAILED");
        assertThat(done.errorCode()).isEqualTo("InvalidRequest");
        assertThat(done.message()).contains("must contain at least one letter");
    }

    @Test
    void aRecentUnlinkedAccountUnderTheFallbackNameIsALookAlike() {
        harness.spot.state().seedAccount("aws-" + AWS_ACCOUNT_ID, Duration.ofMinutes(5), null);

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.errorCode()).isEqualTo("AlreadyExists");
    }
}
