package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndlessCostIntelligenceListTest extends EmulatorTest {

    private static final String CI = "/cbi/v1/setup/account";

    private String nextKey(Reply reply) {
        return reply.response().path("paginationInfo").path("nextKey").asText(null);
    }

    @Test
    void pastTheLastPageEveryPageNamesANewKeyAndHoldsNoAccount() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        state().enrollCostIntelligence(accountId);
        faults().ciListNeverEnds(true);

        Reply first = http.get(CI);
        Reply second = http.get(CI + "?paginationKey=" + nextKey(first));
        Reply third = http.get(CI + "?paginationKey=" + nextKey(second));

        assertThat(first.items()).hasSize(1);
        assertThat(second.items()).isEmpty();
        assertThat(third.items()).isEmpty();
        assertThat(nextKey(first)).isNotNull().isNotEqualTo(nextKey(second));
        assertThat(nextKey(third)).isNotNull().isNotEqualTo(nextKey(second));
    }

    @Test
    void repeatedPagesServeTheFirstAccountsAgainAndResetEndsTheFault() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        state().enrollCostIntelligence(accountId);
        faults().ciListNeverEnds(false);

        Reply first = http.get(CI);
        Reply again = http.get(CI + "?paginationKey=" + nextKey(first));
        faults().reset();
        Reply real = http.get(CI);

        assertThat(again.item().path("accountId").asText()).isEqualTo(accountId);
        assertThat(nextKey(again)).isNotNull();
        assertThat(nextKey(real)).isNull();
    }
}
