package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * No Spot account is left under a {@code cfn-pending-…} create marker: a connected account found
 * under one is named by a stack that manages it, reported by one that only reuses it, and a stack
 * that finds its own finishes the rename. Through the real HandlerWrapper, against the emulator.
 */
class AccountMarkerLeftTest {
    /** A marker no resource of the harness's stack gives: another resource's account whose rename never came. */
    private static final String FOREIGN_MARKER = CreateMarker.PREFIX + "0123456789abcdef01234567";

    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    private SpotAccountRecord connectedAccount(final String name) {
        return AccountHarness.connectedAccount(harness, name);
    }

    private String nameInSpot(final String accountId) {
        return harness.spot.state().account(accountId).orElseThrow().name();
    }

    /** The marker the harness's Account resource gives the account it creates. */
    private static String ownMarker() {
        return CreateMarker.of(place(null), AWS_ACCOUNT_ID);
    }

    /** The harness's stack and logical ID, or another logical ID of that stack. */
    private static ResourceHandlerRequest<ResourceModel> place(final String logicalId) {
        final JsonNode request =
                CloudFormationRequest.of(ResourceModel.TYPE_NAME, "CREATE").json();
        return ResourceHandlerRequest.<ResourceModel>builder()
                .stackId(request.path("stackId").asText())
                .logicalResourceIdentifier(
                        logicalId != null
                                ? logicalId
                                : request.path("requestData")
                                        .path("logicalResourceId")
                                        .asText())
                .build();
    }

    @Test
    void anotherResourcesOldMarkerIsLeftAloneAndNotInTheWay() {
        final String theirs = CreateMarker.of(place("OtherSpotAccount"), AWS_ACCOUNT_ID);
        final SpotAccountRecord abandoned = harness.spot.state().createAccount(theirs);
        harness.clock.advance(AccountLookup.LOOK_ALIKE_WINDOW.plusMinutes(1));

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("AccountId")).isNotEqualTo(abandoned.accountId());
        assertThat(nameInSpot(abandoned.accountId())).isEqualTo(theirs);
    }

    @Test
    void markersForOtherAwsAccountsAreNoObstacle() {
        // A StackSet's other stacks, creating their accounts at the same moment.
        harness.spot.state().createAccount(CreateMarker.of(place(null), "210987654321"));
        harness.spot.state().createAccount(FOREIGN_MARKER);

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameInSpot(done.modelText("AccountId"))).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void anAccountUnderThisResourcesMarkerOfTheEarlierFormIsStillItsOwn() {
        final SpotAccountRecord earlier =
                harness.spot.state().createAccount(CreateMarker.legacy(place(null), AWS_ACCOUNT_ID));
        final int before = harness.spot.state().accounts().size();

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("AccountId")).isEqualTo(earlier.accountId());
        assertThat(done.modelText("Ownership")).isEqualTo("Created");
        assertThat(nameInSpot(earlier.accountId())).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(harness.spot.state().accounts()).hasSize(before);
    }

    @Test
    void adoptNamesAConnectedAccountFoundUnderAMarkerAndARollbackNeverPutsTheMarkerBack() {
        final SpotAccountRecord found = connectedAccount(FOREIGN_MARKER);

        final HandlerResponse done =
                harness.create(props("{\"ExistingAccountPolicy\":\"Adopt\"}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("Ownership")).isEqualTo("Adopted");
        assertThat(nameInSpot(found.accountId())).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.modelText("Name")).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(done.model().path("PreviousName").isMissingNode()
                        || done.model().path("PreviousName").isNull())
                .as("a marker is no name to give back")
                .isTrue();

        assertThat(harness.rollbackDelete(done.model()).last().status()).isEqualTo("SUCCESS");
        assertThat(nameInSpot(found.accountId())).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void adoptWithANameGivesThatName() {
        final SpotAccountRecord found = connectedAccount(FOREIGN_MARKER);

        harness.create(props("{\"ExistingAccountPolicy\":\"Adopt\",\"Name\":\"payments\"}"))
                .last();

        assertThat(nameInSpot(found.accountId())).isEqualTo("payments");
    }

    @Test
    void adoptLeavesTheMarkerToTheAccountAliasAndAnUpdateTurningThatOffNamesIt() {
        final SpotAccountRecord found = connectedAccount(FOREIGN_MARKER);

        final HandlerResponse done = harness.create(
                        props("{\"ExistingAccountPolicy\":\"Adopt\",\"NamedByAccountAlias\":true}"))
                .last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(nameInSpot(found.accountId())).isEqualTo(FOREIGN_MARKER);
        assertThat(done.message()).contains("AccountAlias");

        final HandlerResponse updated = harness.update(
                        done.model(), props("{\"ExistingAccountPolicy\":\"Adopt\",\"NamedByAccountAlias\":false}"))
                .last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(nameInSpot(found.accountId())).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(updated.modelText("Name")).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void reuseNeverRenamesAMarkerButSaysHowToFixIt() {
        final SpotAccountRecord found = connectedAccount(FOREIGN_MARKER);

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("Ownership")).isEqualTo("Reused");
        assertThat(harness.writes()).as("Reuse never writes").isZero();
        assertThat(nameInSpot(found.accountId())).isEqualTo(FOREIGN_MARKER);
        assertThat(done.message())
                .contains("still named '" + FOREIGN_MARKER + "'")
                .contains("rename it in Spot")
                .contains("Adopt");
    }

    @Test
    void aConnectedAccountUnderThisResourcesOwnMarkerIsItsOwnAndIsNamed() {
        final SpotAccountRecord own = connectedAccount(ownMarker());
        final int before = harness.spot.state().accounts().size();

        final HandlerResponse done = harness.create(props("{}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.modelText("AccountId")).isEqualTo(own.accountId());
        assertThat(done.modelText("Ownership")).as("it made the account").isEqualTo("Created");
        assertThat(nameInSpot(own.accountId())).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(harness.spot.state().accounts()).hasSize(before);
    }

    @Test
    void turningNamedByAccountAliasOnForAnAccountAlreadyNamedChangesNothing() {
        final JsonNode created = harness.create(props("{}")).last().model();
        final long writes = harness.writes();

        final HandlerResponse updated =
                harness.update(created, props("{\"NamedByAccountAlias\":true}")).last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(harness.writes()).isEqualTo(writes);
        assertThat(nameInSpot(created.get("AccountId").asText())).isEqualTo(AWS_ACCOUNT_ID);
    }
}
