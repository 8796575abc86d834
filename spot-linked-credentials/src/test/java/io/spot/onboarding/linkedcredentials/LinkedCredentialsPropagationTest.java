package io.spot.onboarding.linkedcredentials;

import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.NEW_ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.ROLE;
import static io.spot.onboarding.linkedcredentials.LinkedCredentialsHarness.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.emulator.Invented;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A role created seconds before Spot is asked to use it: the handler waits with IN_PROGRESS
 * (never sleeping) for a bounded time, and tells a refusal that waiting cannot fix at once.
 */
class LinkedCredentialsPropagationTest {
    @RegisterExtension
    final LinkedCredentialsHarness harness = new LinkedCredentialsHarness();

    @Test
    void waitsWhileIamPropagatesTheRoleThenLinksIt() {
        final String accountId = harness.account();
        harness.type.spot.faults().iamPropagationDelay(Duration.ofSeconds(40));

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
        // Named to Spot 10 s after the check; refused then and 10, 20 and 35 s later; accepted at 55 s and read back.
        final HandlerResponse first = create.events().get(0);
        assertThat(first.callbackDelaySeconds()).isEqualTo(PropagationWait.FIRST_SECONDS);
        assertThat(first.message()).contains("IAM", "before Spot account " + accountId + " is linked");
        final var waits = create.events().subList(1, 5);
        assertThat(waits).extracting(HandlerResponse::status).containsOnly("IN_PROGRESS");
        assertThat(waits).extracting(HandlerResponse::callbackDelaySeconds).containsExactly(10, 10, 15, 20);
        assertThat(waits).allSatisfy(e -> {
            assertThat(e.modelText("AccountId")).isEqualTo(accountId);
            assertThat(e.message()).contains("IAM").contains(Invented.CANT_ASSUME_ROLE);
        });
        assertThat(waits.get(0).message()).contains("attempt 2 of " + PropagationWait.ATTEMPTS);
        assertThat(harness.linkCalls()).isEqualTo(5);
        assertThat(create.events())
                .extracting(HandlerResponse::status)
                .containsExactly("IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "IN_PROGRESS", "SUCCESS");
    }

    @Test
    void aRolePropagatedWithinTheFirstWaitIsLinkedWithOneCall() {
        final String accountId = harness.account();
        harness.type.spot.faults().iamPropagationDelay(Duration.ofSeconds(PropagationWait.FIRST_SECONDS));
        harness.type.spot.state().roleCreated(ROLE);

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
        assertThat(harness.linkCalls()).isEqualTo(1);
        assertThat(harness.linkedRole(accountId)).isEqualTo(ROLE);
    }

    @Test
    void propagationThatNeverEndsFailsAsNotStabilizedWithSpotsMessageAfterTheBound() {
        final String accountId = harness.account();
        harness.type.spot.faults().iamPropagationDelay(ChronoUnit.FOREVER.getDuration());

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        final HandlerResponse failed = create.last();
        assertThat(failed.errorCode()).isEqualTo("NotStabilized");
        assertThat(failed.message())
                .contains(Invented.CANT_ASSUME_ROLE)
                .contains(Invented.CANT_ASSUME_ROLE_MESSAGE.formatted(ROLE))
                .contains(PropagationWait.ATTEMPTS + " attempts over " + PropagationWait.TOTAL_SECONDS + " s")
                .contains("922761411349")
                .contains("ExternalId");
        assertThat(create.totalDelaySeconds()).isEqualTo(PropagationWait.TOTAL_SECONDS);
        assertThat(harness.linkCalls()).isEqualTo(PropagationWait.ATTEMPTS);
        assertThat(harness.linkedRole(accountId)).as("nothing was linked").isNull();
    }

    @Test
    void updateWaitsForANewRoleToPropagateToo() {
        final String accountId = harness.account();
        final JsonNode created = harness.type.createKept(props(accountId, ROLE, "Created"));
        harness.type.spot.faults().iamPropagationDelay(Duration.ofSeconds(12));

        final Operation update = harness.type.update(created, props(accountId, NEW_ROLE, "Created"));

        assertThat(update.last().status()).isEqualTo("SUCCESS");
        assertThat(update.events())
                .extracting(HandlerResponse::callbackDelaySeconds)
                .startsWith(10, 10);
        assertThat(harness.linkedRole(accountId)).isEqualTo(NEW_ROLE);
    }

    @Test
    void aMissingExternalIdIsWaitedOutThenFailsWithTheHint() {
        final String accountId =
                harness.type.spot.state().createAccount("no external id").accountId();

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().errorCode()).isEqualTo("NotStabilized");
        assertThat(create.last().message())
                .contains(Invented.EXTERNAL_ID_MISSING)
                .contains("Spot::Onboarding::Account")
                .contains("link was not changed");
        assertThat(harness.linkCalls()).isEqualTo(PropagationWait.ATTEMPTS);
        assertThat(create.totalDelaySeconds()).isEqualTo(PropagationWait.TOTAL_SECONDS);
        assertThat(harness.linkedRole(accountId)).isNull();
    }

    @Test
    void aRefusalSpotDoesNotExplainIsWaitedOutLikePropagation() {
        final String accountId = harness.account();
        // A 400 with a code we do not know: Spot's real propagation code is not public.
        harness.type.spot.faults().serverErrorNext("POST", "/setup/credentials/aws", 2, 400);

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.events())
                .extracting(HandlerResponse::callbackDelaySeconds)
                .startsWith(10, 10);
        assertThat(harness.linkCalls()).isEqualTo(3);
    }

    @Test
    void aLinkSpotAcceptsButDoesNotReportIsReadAgainThenNotStabilized() {
        final String accountId = harness.account();
        // Another client relinks the account between Spot's answer and the read-back.
        harness.type
                .spot
                .faults()
                .afterNext(
                        "POST",
                        "/setup/credentials/aws",
                        () -> harness.type.spot.state().link(accountId, NEW_ROLE));

        final Operation create = harness.type.create(props(accountId, ROLE, "Created"));

        assertThat(create.last().errorCode()).isEqualTo("NotStabilized");
        assertThat(create.last().message()).contains("still reports role " + NEW_ROLE);
        assertThat(create.events())
                .as("the wait for IAM, then the link and read-backs")
                .hasSize(PropagationWait.ATTEMPTS + 1);
        assertThat(create.events().get(1).message()).contains("reports role " + NEW_ROLE, "reading it again");
        assertThat(harness.linkCalls())
                .as("the accepted link is not sent again")
                .isEqualTo(1);
    }
}
