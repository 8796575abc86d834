package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** A role linked out of band (an onboarding from before the test) is one IAM propagated long ago. */
class PreexistingRoleTest extends EmulatorTest {

    private static final String OLD_ROLE = "arn:aws:iam::123456789012:role/SpotConsoleOnboardingRole";

    @Test
    void aRoleLinkedOutOfBandIsAssumableAtOnceWhenLinkedAgain() {
        faults().iamPropagationDelay(Duration.ofMinutes(5));
        String accountId = createAccount("a");
        mintExternalId(accountId);
        state().link(accountId, OLD_ROLE);
        state().link(accountId, ROLE_ARN);

        Reply back = setCredentials(accountId, OLD_ROLE);

        assertThat(back.status()).isEqualTo(200);
        assertThat(state().account(accountId).orElseThrow().iamRole()).isEqualTo(OLD_ROLE);
    }

    @Test
    void aForeverDelayStillRefusesIt() {
        String accountId = createAccount("a");
        mintExternalId(accountId);
        state().link(accountId, OLD_ROLE);
        faults().iamPropagationDelay(ChronoUnit.FOREVER.getDuration());

        assertThat(setCredentials(accountId, OLD_ROLE).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
    }

    @Test
    void aRoleTheTestSaidWasJustCreatedStillPropagates() {
        faults().iamPropagationDelay(Duration.ofSeconds(30));
        String accountId = createAccount("a");
        mintExternalId(accountId);
        state().roleCreated(ROLE_ARN);
        state().link(accountId, ROLE_ARN);

        assertThat(setCredentials(accountId, ROLE_ARN).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
    }
}
