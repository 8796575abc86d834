package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.CI_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.VALIDATION_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Enroll, read, update and bad input through the real HandlerWrapper, against the emulator. */
class CostIntelligenceLifecycleTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    private static Map<String, Object> check(
            final String id, final String description, final String status, final String info) {
        return Map.of(
                "id",
                id,
                "description",
                description,
                "status",
                status,
                "validationInfo",
                info,
                "validationInfoDetails",
                Map.of());
    }

    @Test
    void enrollsALinkedAccountAfterValidatingItAndFindsItListedAtOnce() {
        final String accountId = linkedAccount(harness);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.events()).extracting(HandlerResponse::status).containsExactly("SUCCESS");
        assertThat(harness.spot.requestCount("GET", CI_ROUTE))
                .as("one search, right after the enrollment")
                .isEqualTo(1);
        final SpotAccountRecord account =
                harness.spot.state().account(accountId).orElseThrow();
        assertThat(account.ciEnrolled()).isTrue();
        final HandlerResponse done = create.last();
        assertThat(done.modelText("AccountId")).isEqualTo(accountId);
        assertThat(done.model().has("AccountOwnership")).as("write-only").isFalse();
        assertThat(done.modelText("StatusSummary")).isEqualTo("connected");
        assertThat(done.modelText("EnabledDate"))
                .isEqualTo(account.ciEnabledDate().toString());
        assertThat(done.message())
                .contains(accountId + " is enrolled in Cost Intelligence")
                .doesNotContain("warned");
        assertThat(harness.spot.requestCount("POST", VALIDATION_ROUTE)).isEqualTo(1);
        assertThat(harness.spot.requestCount("POST", CI_ROUTE)).isEqualTo(1);
        assertThat(harness.spot.requests())
                .as("validation comes first (a read may name the organization for its header before)")
                .extracting(r -> r.route())
                .filteredOn(route -> route.startsWith("/cbi/"))
                .first()
                .isEqualTo(VALIDATION_ROUTE);
    }

    @Test
    void validateFalseEnrollsWithoutThePreflight() {
        final String accountId = linkedAccount(harness);

        final HandlerResponse done =
                harness.create(properties(accountId).put("Validate", false)).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.model().has("Validate")).as("write-only").isFalse();
        assertThat(harness.spot.requestCount("POST", VALIDATION_ROUTE)).isZero();
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isTrue();
    }

    @Test
    void failedValidationChecksFailTheCreateListingEachAndEnrollNothing() {
        final String accountId = linkedAccount(harness);
        harness.spot
                .faults()
                .ciValidationResult(
                        accountId,
                        List.of(
                                check("spotAccount", "The Spot account exists", "success", accountId),
                                check(
                                        "costIntelligencePolicy",
                                        "The IAM role has the Cost Intelligence permissions",
                                        "failed",
                                        "ce:GetCostAndUsage is not allowed"),
                                check("curBucket", "A Cost and Usage Report is readable", "failed", "no CUR found")));

        final HandlerResponse failed = harness.create(properties(accountId)).last();

        assertThat(failed.errorCode()).isEqualTo("InvalidRequest");
        assertThat(failed.message())
                .contains(
                        "failed 2 checks",
                        "1) costIntelligencePolicy: The IAM role has the Cost Intelligence permissions (ce:GetCostAndUsage is not allowed)",
                        "2) curBucket: A Cost and Usage Report is readable (no CUR found)")
                .doesNotContain("spotAccount")
                .doesNotContain("Link credentials first");
        assertThat(harness.spot.requestCount("POST", CI_ROUTE)).isZero();
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isFalse();
    }

    @Test
    void validationWarningsEnrollAndAreReportedInTheEventMessage() {
        final String accountId = linkedAccount(harness);
        harness.spot
                .faults()
                .ciValidationResult(
                        accountId,
                        List.of(
                                check(
                                        "credentials",
                                        "Cloud credentials are linked",
                                        "success",
                                        CostIntelligenceHarness.ROLE),
                                check(
                                        "billingEngine",
                                        "The payer account is onboarded to Billing Engine",
                                        "warning",
                                        "Cost data will be partial until the payer account is onboarded")));

        final HandlerResponse done = harness.create(properties(accountId)).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        assertThat(done.message())
                .contains(
                        "warned",
                        "billingEngine: The payer account is onboarded to Billing Engine",
                        "Cost data will be partial");
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isTrue();
    }

    @Test
    void anAccountWithoutLinkedCredentialsFailsSayingToLinkThemFirst() {
        final String accountId =
                harness.spot.state().createAccount("not-linked-yet").accountId();

        final HandlerResponse validated = harness.create(properties(accountId)).last();
        final HandlerResponse unvalidated =
                harness.create(properties(accountId).put("Validate", false)).last();

        assertThat(validated.errorCode()).isEqualTo("InvalidRequest");
        assertThat(validated.message())
                .contains(
                        "Link credentials first",
                        "Spot::Onboarding::LinkedCredentials",
                        "DependsOn",
                        "credentials: Cloud credentials are linked");
        assertThat(unvalidated.errorCode()).isEqualTo("InvalidRequest");
        assertThat(unvalidated.message())
                .contains("Link credentials first", "DependsOn", RoleLinkPrecondition.NOT_SET_CODE);
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(accountId)).isFalse();
    }

    @Test
    void aSpotAccountThatDoesNotExistIsRefusedAsInvalid() {
        final HandlerResponse failed =
                harness.create(properties("act-00000000")).last();

        assertThat(failed.errorCode()).isEqualTo("InvalidRequest");
        assertThat(failed.message()).contains("act-00000000 does not exist", "Spot::Onboarding::Account");
    }

    @Test
    void readReportsTheEnrollmentAsSpotListsItAndNotWhatSpotCannotTell() {
        final String accountId = linkedAccount(harness);
        final HandlerResponse create = harness.create(
                        properties(accountId, "Adopted").put("Validate", true))
                .last();

        final HandlerResponse read = harness.read(
                CloudFormationRequest.kept(properties(accountId, "Adopted").put("Validate", true), create.model()));

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.model()).isEqualTo(create.model());
        assertThat(read.modelText("StatusSummary")).isEqualTo("connected");
        assertThat(read.model().has("AccountOwnership")).as("write-only").isFalse();
    }

    @Test
    void readWithOnlyTheIdentifierReportsWhatSpotKnows() {
        final String accountId = linkedAccount(harness);
        final String enabledDate = harness.create(properties(accountId)).last().modelText("EnabledDate");

        final HandlerResponse read = harness.read(props("{\"AccountId\":\"" + accountId + "\"}"));

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.modelText("EnabledDate")).isEqualTo(enabledDate);
        assertThat(read.modelText("AccountOwnership")).isNull();
    }

    @Test
    void readOfAnAccountThatIsNotEnrolledOrNoLongerExistsIsNotFound() {
        final String notEnrolled = linkedAccount(harness);
        final String gone = CostIntelligenceHarness.enrolledAccount(harness);
        harness.spot.state().delete(gone);

        // A Read CloudFormation sends with the template's AccountOwnership: Created, so it had to enroll.
        final HandlerResponse neverEnrolled = harness.read(properties(notEnrolled));
        final HandlerResponse deleted = harness.read(properties(gone));

        assertThat(neverEnrolled.errorCode()).isEqualTo("NotFound");
        assertThat(neverEnrolled.message()).contains(notEnrolled, "never enrolled");
        assertThat(deleted.errorCode()).isEqualTo("NotFound");
        assertThat(deleted.message()).contains(gone);
    }

    @Test
    void aMalformedIdentifierIsNotFoundWithoutCallingSpot() {
        assertThat(harness.read(props("{\"AccountId\":\"../setup/account\"}")).errorCode())
                .isEqualTo("NotFound");
        assertThat(harness.delete(props("{\"AccountId\":\"act-\"}")).last().errorCode())
                .isEqualTo("NotFound");
        assertThat(harness.spot.requests()).isEmpty();
    }

    @Test
    void updateRecordsOwnershipAndValidateWithoutWritingToSpot() {
        final String accountId = linkedAccount(harness);
        final JsonNode created = harness.createKept(properties(accountId));
        final long writes = harness.writes();

        final Operation update =
                harness.update(created, properties(accountId, "Adopted").put("Validate", false));

        assertThat(update.last().status()).isEqualTo("SUCCESS");
        assertThat(update.last().model().has("AccountOwnership"))
                .as("write-only")
                .isFalse();
        assertThat(update.last().model().has("Validate")).as("write-only").isFalse();
        assertThat(update.last().modelText("EnabledDate"))
                .isEqualTo(created.get("EnabledDate").asText());
        assertThat(harness.writes()).isEqualTo(writes);
    }

    @Test
    void updateRefusesANewAccountIdAndIsNotFoundWhenNothingIsEnrolled() {
        final String accountId = linkedAccount(harness);
        final JsonNode created = harness.createKept(properties(accountId));
        final String other = linkedAccount(harness);

        final HandlerResponse moved = harness.update(created, properties(other)).last();
        harness.spot.state().delete(accountId);
        final HandlerResponse gone =
                harness.update(created, properties(accountId, "Adopted")).last();

        assertThat(moved.errorCode()).isEqualTo("NotUpdatable");
        assertThat(moved.message()).contains("AccountId is create-only");
        assertThat(gone.errorCode()).isEqualTo("NotFound");
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(other)).isFalse();
    }

    @Test
    void badInputIsRefusedBeforeAnySpotCallNamingTheProperty() {
        final HandlerResponse badId =
                harness.create(props("{\"AccountId\":\"123456789012\"}")).last();
        final HandlerResponse badOwnership = harness.create(
                        props("{\"AccountId\":\"act-1a2b3c4d\"," + "\"AccountOwnership\":\"Borrowed\"}"))
                .last();
        final HandlerResponse noId =
                harness.create(props("{\"AccountOwnership\":\"Created\"}")).last();
        final HandlerResponse unknown = harness.create(props("{\"AccountId\":\"act-1a2b3c4d\",\"Tier\":\"gold\"}"))
                .last();

        assertThat(badId.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badId.message()).contains("AccountId").contains("^act-[0-9a-zA-Z]{1,32}$");
        assertThat(badOwnership.errorCode()).isEqualTo("InvalidRequest");
        assertThat(badOwnership.message()).contains("AccountOwnership", "Created, Adopted, Reused");
        assertThat(noId.errorCode()).isEqualTo("InvalidRequest");
        assertThat(noId.message()).contains("AccountId");
        assertThat(unknown.errorCode()).isEqualTo("InvalidRequest");
        assertThat(unknown.message()).contains("Tier");
        assertThat(harness.spot.requests()).isEmpty();
    }
}
