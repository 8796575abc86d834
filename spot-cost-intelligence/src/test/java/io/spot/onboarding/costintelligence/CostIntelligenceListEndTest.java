package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.CI_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.enrolledAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.otherEnrolledAccounts;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spot's enrolled-accounts list that never ends (a fault of the emulator): the search stops on an
 * empty page, and an operation reads at most {@link CostIntelligenceHandler#MAX_OPERATION_PAGES}
 * pages, so it can never stay IN_PROGRESS until CloudFormation's 2-hour timeout. Delete still never
 * calls anything that would un-enroll.
 */
class CostIntelligenceListEndTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    private int pagesRead() {
        return harness.spot.requestCount("GET", CI_ROUTE);
    }

    @Test
    void anEmptyPageEndsTheSearchWhateverNextKeyItNames() {
        otherEnrolledAccounts(harness, 3);
        final String notEnrolled = linkedAccount(harness);
        harness.spot.faults().ciListNeverEnds(true);

        final HandlerResponse read = harness.read(properties(notEnrolled));
        final Operation delete = harness.delete(properties(notEnrolled, "Adopted"));

        assertThat(read.errorCode()).isEqualTo("NotFound");
        assertThat(delete.events()).hasSize(1);
        assertThat(delete.last().errorCode()).isEqualTo("NotFound");
        assertThat(pagesRead())
                .as("the real page, then one empty page, for each")
                .isEqualTo(4);
    }

    @Test
    void aListWhoseKeysMoveOnForEverStopsADeleteAtThePageCapAndReleasesHonestly() {
        otherEnrolledAccounts(harness, 2);
        final String notEnrolled = linkedAccount(harness);
        harness.spot.faults().ciListNeverEnds(false);

        final Operation delete = harness.delete(properties(notEnrolled, "Adopted"));

        assertThat(delete.last().status()).isEqualTo("SUCCESS");
        assertThat(delete.last().message())
                .contains("still named a next page after " + CostIntelligenceHandler.MAX_OPERATION_PAGES + " pages")
                .contains("no API to leave Cost Intelligence");
        assertThat(pagesRead()).isEqualTo(CostIntelligenceHandler.MAX_OPERATION_PAGES);
        assertThat(delete.events())
                .as("each invocation reads its share, then goes on")
                .hasSize(CostIntelligenceHandler.MAX_OPERATION_PAGES / EnrollmentSearch.MAX_PAGES);
        assertThat(harness.writes()).isZero();
    }

    @Test
    void aCreateThatCannotFindTheEnrollmentInAnEndlessListFailsAtThePageCapNotTheTimeout() {
        otherEnrolledAccounts(harness, 2);
        final String notEnrolled = linkedAccount(harness);
        harness.spot.faults().ciListNeverEnds(false);

        final Operation create = harness.create(properties(notEnrolled, "Reused"));

        assertThat(create.last().errorCode()).isEqualTo("GeneralServiceException");
        assertThat(create.last().message())
                .contains(notEnrolled)
                .contains(CostIntelligenceHandler.MAX_OPERATION_PAGES + " pages");
        assertThat(pagesRead()).isEqualTo(CostIntelligenceHandler.MAX_OPERATION_PAGES);
        assertThat(harness.writes()).isZero();
    }

    @Test
    void anAccountOnARealPageIsStillFoundWhenTheListWouldNotEnd() {
        final String enrolled = enrolledAccount(harness);
        harness.spot.faults().ciListNeverEnds(false);

        final HandlerResponse read = harness.read(properties(enrolled));

        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(pagesRead()).isEqualTo(1);
    }

    @Test
    void aRollbackOfAnAdoptedAccountSaysItStaysEnrolledAndCallsNothingThatWrites() {
        final String enrolled = enrolledAccount(harness);
        final ObjectNode request = harness.request("DELETE")
                .properties(properties(enrolled, "Adopted"))
                .json();
        request.put("rollback", true);

        final HandlerResponse rollback = harness.driver.run(request).last();

        assertThat(rollback.status()).isEqualTo("SUCCESS");
        assertThat(rollback.message())
                .contains("stays enrolled")
                .contains("a rollback keeps it")
                .contains("un-enroll it in the Spot console");
        assertThat(harness.writes()).isZero();
        assertThat(harness.spot.state().isCostIntelligenceEnrolled(enrolled)).isTrue();
    }
}
