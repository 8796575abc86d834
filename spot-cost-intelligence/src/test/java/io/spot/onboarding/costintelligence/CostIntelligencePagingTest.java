package io.spot.onboarding.costintelligence;

import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.CI_ROUTE;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.linkedAccount;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.otherEnrolledAccounts;
import static io.spot.onboarding.costintelligence.CostIntelligenceHarness.properties;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerDriver.Operation;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An organization with more enrolled accounts than one page of GET /cbi/v1/setup/account: Spot has
 * no per-account GET, so every handler follows paginationInfo.nextKey, within its per-invocation budget.
 */
class CostIntelligencePagingTest {
    @RegisterExtension
    final SpotTypeHarness harness = CostIntelligenceHarness.start();

    /** Ours is enrolled after the others, so Spot lists it last. */
    private String enrolledLastAmong(final int others) {
        otherEnrolledAccounts(harness, others);
        harness.clock.advance(Duration.ofSeconds(1));
        return linkedAccount(harness);
    }

    private List<String> pageQueries() {
        return harness.spot.requests().stream()
                .filter(r -> CI_ROUTE.equals(r.route()) && "GET".equals(r.method()))
                .map(r -> r.query() == null ? "" : r.query())
                .toList();
    }

    private Set<String> enrolledIds() {
        return harness.spot.state().accounts().stream()
                .filter(SpotAccountRecord::ciEnrolled)
                .map(SpotAccountRecord::accountId)
                .collect(Collectors.toSet());
    }

    @Test
    void createReadAndDeleteFollowNextKeyToAnAccountOnTheLastPage() {
        harness.spot.faults().ciPageSize(2);
        final String accountId = enrolledLastAmong(9);

        final Operation create = harness.create(properties(accountId));
        final int pagesForCreate = harness.spot.requestCount("GET", CI_ROUTE);
        final HandlerResponse read = harness.read(create.last().model());
        final int pagesForRead = harness.spot.requestCount("GET", CI_ROUTE) - pagesForCreate;

        assertThat(create.last().status()).isEqualTo("SUCCESS");
        assertThat(create.last().modelText("StatusSummary")).isEqualTo("connected");
        assertThat(pagesForCreate).as("10 enrolled accounts, 2 a page").isEqualTo(5);
        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(pagesForRead).isEqualTo(5);
        assertThat(pageQueries())
                .as("every page is asked for as large as Spot allows; this Spot serves 2")
                .allMatch(q -> q.contains("paginationSize=" + PageSizeChoice.LARGE))
                .anyMatch(q -> q.contains("paginationKey="));
        assertThat(harness.delete(create.last().model()).last().status()).isEqualTo("SUCCESS");
    }

    @Test
    void listReturnsEveryEnrolledAccountOneSpotPageAtATime() {
        harness.spot.faults().ciPageSize(3);
        otherEnrolledAccounts(harness, 10);

        final List<String> listed = new ArrayList<>();
        String nextToken = null;
        int invocations = 0;
        do {
            final int before = harness.spot.requestCount("GET", CI_ROUTE);
            final HandlerResponse page = harness.list(nextToken);
            assertThat(page.status()).isEqualTo("SUCCESS");
            assertThat(harness.spot.requestCount("GET", CI_ROUTE) - before)
                    .as("one Spot page per List")
                    .isEqualTo(1);
            page.models().forEach(m -> {
                assertThat(m.get("StatusSummary").asText()).isEqualTo("connected");
                assertThat(m.get("EnabledDate").asText()).isNotBlank();
                listed.add(m.get("AccountId").asText());
            });
            nextToken = page.nextToken();
            invocations++;
        } while (nextToken != null);

        assertThat(invocations).isEqualTo(4);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(enrolledIds());
    }

    @Test
    void maxResultsSmallerThanSpotsPageCutsItAndTheTokenPointsIntoTheSamePage() {
        harness.spot.faults().ciPageSize(5);
        otherEnrolledAccounts(harness, 7);

        final List<String> listed = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();
        String nextToken = null;
        do {
            final ObjectNode request =
                    harness.request("LIST").nextToken(nextToken).json();
            request.put("maxResults", 2);
            final HandlerResponse page = harness.driver.invoke(request);
            page.models().forEach(m -> listed.add(m.get("AccountId").asText()));
            sizes.add(page.models().size());
            nextToken = page.nextToken();
        } while (nextToken != null);

        assertThat(sizes).containsExactly(2, 2, 1, 2);
        assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(enrolledIds());
    }

    @Test
    void aNextTokenThisHandlerDidNotIssueIsRefused() {
        otherEnrolledAccounts(harness, 1);

        final HandlerResponse foreign = harness.list("offset:100");
        final HandlerResponse forged = harness.list("cbi:0:bm90LWEta2V5");

        assertThat(foreign.errorCode()).isEqualTo("InvalidRequest");
        assertThat(foreign.message()).contains("NextToken");
        assertThat(forged.errorCode()).as("Spot refuses the key inside").isEqualTo("InvalidRequest");
        assertThat(forged.message()).contains("start the listing again");
    }

    @Test
    void aListLongerThanOneInvocationMayReadIsResumedByCreateAndDeleteButNotGuessedByRead() {
        harness.spot.faults().ciPageSize(1);
        final int others = EnrollmentSearch.MAX_PAGES + 10;
        final String accountId = enrolledLastAmong(others);

        final Operation create = harness.create(properties(accountId));

        assertThat(create.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
        final HandlerResponse resumed = create.events().get(0);
        assertThat(resumed.callbackDelaySeconds()).isZero();
        assertThat(resumed.message()).contains(EnrollmentSearch.MAX_PAGES + " pages so far", "reading on");
        assertThat(harness.spot.requestCount("GET", CI_ROUTE)).isEqualTo(others + 1);
        final JsonNode model =
                CloudFormationRequest.kept(properties(accountId), create.last().model());

        final int before = harness.spot.requestCount("GET", CI_ROUTE);
        final HandlerResponse read = harness.read(model);
        assertThat(read.errorCode()).isEqualTo("GeneralServiceException");
        assertThat(read.message()).contains("30 s", accountId, EnrollmentSearch.MAX_PAGES + " pages read");
        assertThat(harness.spot.requestCount("GET", CI_ROUTE) - before).isEqualTo(EnrollmentSearch.MAX_PAGES);

        final Operation delete = harness.delete(model);
        assertThat(delete.events()).extracting(HandlerResponse::status).containsExactly("IN_PROGRESS", "SUCCESS");
        assertThat(delete.last().hasModel()).isFalse();
    }

    @Test
    void aSpotThatRefusesLargePagesIsAskedOnceThenReadAtItsDefaultSize() {
        harness.spot.faults().ciPageSize(2);
        harness.spot.faults().ciMaxPageSize(PageSizeChoice.LARGE - 1);
        final String accountId = enrolledLastAmong(5);

        final Operation create = harness.create(properties(accountId));
        final HandlerResponse read = harness.read(create.last().model());

        assertThat(create.last().status()).as(create.last().message()).isEqualTo("SUCCESS");
        assertThat(read.status()).as(read.message()).isEqualTo("SUCCESS");
        final List<String> queries = pageQueries();
        assertThat(queries.get(0)).as("the refused request").contains("paginationSize=" + PageSizeChoice.LARGE);
        assertThat(queries.subList(1, queries.size()))
                .as("the same page again without a size, and every later page of Create and Read at Spot's default")
                .hasSize(3 + 3)
                .noneMatch(q -> q.contains("paginationSize"));
    }
}
