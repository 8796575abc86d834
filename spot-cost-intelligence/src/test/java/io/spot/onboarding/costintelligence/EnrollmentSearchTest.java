package io.spot.onboarding.costintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.api.Page;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.api.SpotValidationException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-invocation budget of a search through the enrolled-accounts list: pages, time, and a list that never ends. */
class EnrollmentSearchTest {
    private final SpotApi spot = mock(SpotApi.class);
    private final AtomicLong nanos = new AtomicLong();

    private static CostIntelligenceAccount enrolled(final String accountId) {
        return new CostIntelligenceAccount(accountId, "606079861123", "aws", "123456789012", "connected", null, null);
    }

    /** Page n (from 1) holds act-0000000n and points to page n+1, up to {@code last}. */
    private void pages(final int last) {
        when(spot.listCostIntelligenceAccounts(any(), isNull())).thenAnswer(call -> {
            final String key = call.getArgument(0);
            final int n = key == null ? 1 : Integer.parseInt(key);
            return new Page<>(
                    List.of(enrolled("act-" + String.format("%08d", n))),
                    n < last ? Integer.toString(n + 1) : null,
                    last);
        });
    }

    @Test
    void findsTheAccountOnALaterPageFollowingNextKey() {
        pages(5);

        final EnrollmentSearch.Result result = new EnrollmentSearch(
                        10, Duration.ofSeconds(10), nanos::get, PageSizeChoice.spotDefault())
                .find(spot, "act-00000004", null);

        assertThat(result.found()).isTrue();
        assertThat(result.pages()).isEqualTo(4);
        verify(spot).listCostIntelligenceAccounts(null, null);
        verify(spot).listCostIntelligenceAccounts("2", null);
        verify(spot).listCostIntelligenceAccounts("3", null);
        verify(spot).listCostIntelligenceAccounts("4", null);
        verifyNoMoreInteractions(spot);
    }

    @Test
    void stopsAtThePageBudgetWithTheKeyToResumeFromAndResumesThere() {
        pages(5);
        final EnrollmentSearch search =
                new EnrollmentSearch(2, Duration.ofSeconds(10), nanos::get, PageSizeChoice.spotDefault());

        final EnrollmentSearch.Result first = search.find(spot, "act-00000005", null);
        final EnrollmentSearch.Result second = search.find(spot, "act-00000005", first.resumeKey());
        final EnrollmentSearch.Result third = search.find(spot, "act-00000005", second.resumeKey());

        assertThat(first.stopped()).isTrue();
        assertThat(first.resumeKey()).isEqualTo("3");
        assertThat(second.resumeKey()).isEqualTo("5");
        assertThat(third.found()).isTrue();
        assertThat(third.pages()).isEqualTo(1);
    }

    @Test
    void startsNoPageOnceTheTimeBudgetIsSpent() {
        when(spot.listCostIntelligenceAccounts(any(), isNull())).thenAnswer(call -> {
            nanos.addAndGet(Duration.ofSeconds(4).toNanos());
            final String key = call.getArgument(0);
            final int n = key == null ? 1 : Integer.parseInt(key);
            return new Page<>(List.of(enrolled("act-other" + n)), Integer.toString(n + 1), null);
        });

        final EnrollmentSearch.Result result = productionBudget().find(spot, "act-00000009", null);

        assertThat(result.stopped()).isTrue();
        assertThat(result.pages())
                .as("4 s each: the third page ends at 12 s, past the 10 s budget")
                .isEqualTo(3);
    }

    @Test
    void aListThatEndsOrStopsMovingIsReadToTheEndWithoutTheAccount() {
        when(spot.listCostIntelligenceAccounts(isNull(), isNull()))
                .thenReturn(new Page<>(List.of(enrolled("act-00000001")), "same", null));
        when(spot.listCostIntelligenceAccounts("same", null))
                .thenReturn(new Page<>(List.of(enrolled("act-00000002")), "same", null));

        final EnrollmentSearch.Result result = new EnrollmentSearch(
                        50, Duration.ofSeconds(10), nanos::get, PageSizeChoice.spotDefault())
                .find(spot, "act-0000000f", null);

        assertThat(result.notListed()).isTrue();
        assertThat(result.accountsSeen()).isEqualTo(2);
    }

    @Test
    void anEmptyPageEndsTheListEvenWhenItNamesANextKey() {
        when(spot.listCostIntelligenceAccounts(isNull(), isNull()))
                .thenReturn(new Page<>(List.of(enrolled("act-00000001")), "2", null));
        when(spot.listCostIntelligenceAccounts("2", null)).thenReturn(new Page<>(List.of(), "3", null));

        final EnrollmentSearch.Result result = new EnrollmentSearch(
                        50, Duration.ofSeconds(10), nanos::get, PageSizeChoice.spotDefault())
                .find(spot, "act-0000000f", null);

        assertThat(result.notListed()).isTrue();
        assertThat(result.pages()).isEqualTo(2);
        verify(spot).listCostIntelligenceAccounts(null, null);
        verify(spot).listCostIntelligenceAccounts("2", null);
        verifyNoMoreInteractions(spot);
    }

    /** The production budget, on a clock the test moves. */
    private EnrollmentSearch productionBudget() {
        return new EnrollmentSearch(
                EnrollmentSearch.MAX_PAGES, EnrollmentSearch.MAX_ELAPSED, nanos::get, PageSizeChoice.spotDefault());
    }

    @Test
    void aRefusedKeyIsNotTakenForARefusedPageSize() {
        final SpotValidationException badKey = new SpotValidationException(
                "GET /cbi/v1/setup/account", 400, "r-1", List.of(), "paginationKey is invalid");
        when(spot.listCostIntelligenceAccounts(eq("stale"), any())).thenThrow(badKey);
        final PageSizeChoice choice = PageSizeChoice.preferLarge();

        assertThatThrownBy(() -> new EnrollmentSearch(50, Duration.ofSeconds(10), nanos::get, choice)
                        .find(spot, "act-00000001", "stale"))
                .isSameAs(badKey);
        assertThat(choice.size()).as("large pages are still asked for").isEqualTo(PageSizeChoice.LARGE);
    }

    @Test
    void aRefusedPageSizeIsAskedWithoutItOnlyWhileTheBudgetAllowsACallToStart() {
        final SpotValidationException tooLarge = new SpotValidationException(
                "GET /cbi/v1/setup/account", 400, "r-1", List.of(), "paginationSize must be at most 500");
        when(spot.listCostIntelligenceAccounts(any(), eq(PageSizeChoice.LARGE))).thenAnswer(call -> {
            nanos.addAndGet(Duration.ofSeconds(11).toNanos());
            throw tooLarge;
        });
        final PageSizeChoice choice = PageSizeChoice.preferLarge();

        final EnrollmentSearch.Result result =
                new EnrollmentSearch(50, Duration.ofSeconds(10), nanos::get, choice).find(spot, "act-00000001", null);

        assertThat(result.stopped())
                .as("the refusal came after 11 s: no second call")
                .isTrue();
        assertThat(result.timeLeft()).isFalse();
        assertThat(result.resumeKey()).as("resume at the first page").isNull();
        assertThat(result.notListed()).isFalse();
        verify(spot).listCostIntelligenceAccounts(null, PageSizeChoice.LARGE);
        verifyNoMoreInteractions(spot);
    }

    @Test
    void aRefusedPageSizeIsAskedWithoutItWhenTimeIsLeft() {
        final SpotValidationException tooLarge = new SpotValidationException(
                "GET /cbi/v1/setup/account", 400, "r-1", List.of(), "paginationSize must be at most 500");
        when(spot.listCostIntelligenceAccounts(any(), eq(PageSizeChoice.LARGE))).thenThrow(tooLarge);
        pages(1);
        final PageSizeChoice choice = PageSizeChoice.preferLarge();

        final EnrollmentSearch.Result result =
                new EnrollmentSearch(50, Duration.ofSeconds(10), nanos::get, choice).find(spot, "act-00000001", null);

        assertThat(result.found()).isTrue();
        assertThat(result.timeLeft()).isTrue();
        assertThat(choice.size()).as("Spot's default from then on").isNull();
    }
}
