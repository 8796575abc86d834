package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.handler.CreateWindow;
import io.spot.onboarding.common.handler.FirstWriteSpread;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The organization listing right before the create shows how many accounts Spot created in its last
 * minute; when that is the create route's assumed limit less the headroom, the Create waits instead of
 * sending a create Spot would refuse (and count).
 */
class CreateWindowGateTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    private static final int FULL = FirstWriteSpread.WRITES_PER_MINUTE - CreateWindow.HEADROOM;

    /** Other StackSet accounts' creates, one a second, the last one just now (the organization's own is older). */
    private void othersCreated(final int accounts) {
        harness.clock.advance(Duration.ofSeconds(61));
        for (int i = 0; i < accounts; i++) {
            if (i > 0) {
                harness.clock.advance(Duration.ofSeconds(1));
            }
            harness.spot.state().createAccount("cfn-pending-other-" + i);
        }
    }

    @Test
    void aFullMinuteWaitsWithoutCreatingThenCreatesOnce() {
        othersCreated(FULL);
        final int before = harness.spot.state().accounts().size();

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        final HandlerResponse first = create.events().get(0);
        assertThat(first.status()).isEqualTo("IN_PROGRESS");
        assertThat(first.message())
                .contains("Spot created " + FULL + " accounts in the last minute")
                .contains("before creating");
        assertThat(first.callbackDelaySeconds())
                .as("the oldest of the minute's creates ages out %d s later, plus the crowd's share", FULL)
                .isBetween(60 - (FULL - 1), 60 - (FULL - 1) + 1);
        assertThat(harness.spot.requestCount("POST", "/setup/account"))
                .as("one create, after the wait")
                .isEqualTo(1);
        assertThat(harness.spot.requestCount("GET", "/setup/account"))
                .as("the lookup, the listing that found the minute full, and the listing after the wait")
                .isEqualTo(3);
        assertThat(harness.spot.state().accounts()).hasSize(before + 1);
    }

    @Test
    void oneCreateLessAndTheCreateGoesAhead() {
        othersCreated(FULL - 1);

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events()).noneSatisfy(e -> assertThat(e.message()).contains("before creating"));
        assertThat(harness.spot.requestCount("GET", "/setup/account")).isEqualTo(2);
    }

    @Test
    void createsOlderThanAMinuteDoNotHoldTheCreate() {
        othersCreated(FULL * 3);
        harness.clock.advance(Duration.ofSeconds(61));

        final Operation create = harness.create(props("{}"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events()).noneSatisfy(e -> assertThat(e.message()).contains("before creating"));
    }
}
