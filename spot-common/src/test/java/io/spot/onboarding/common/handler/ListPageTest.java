package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.exceptions.CfnInvalidRequestException;

class ListPageTest {
    private final List<Integer> all = IntStream.range(0, 250).boxed().toList();

    @Test
    void pagesFollowEachOtherUntilTheEnd() {
        final ListPage<Integer> first = ListPage.of(all, null, null);
        final ListPage<Integer> second = ListPage.of(all, first.nextToken(), null);
        final ListPage<Integer> third = ListPage.of(all, second.nextToken(), null);

        assertThat(first.items()).hasSize(100).startsWith(0);
        assertThat(second.items()).hasSize(100).startsWith(100);
        assertThat(third.items()).hasSize(50).endsWith(249);
        assertThat(third.nextToken()).isNull();
    }

    @Test
    void maxResultsIsHonouredAndCapped() {
        assertThat(ListPage.of(all, null, 7).items()).hasSize(7);
        assertThat(ListPage.of(IntStream.range(0, 5000).boxed().toList(), null, 99_999)
                        .items())
                .hasSize(1000);
    }

    @Test
    void aForeignTokenIsRefused() {
        assertThatThrownBy(() -> ListPage.of(all, "offset:-1", null))
                .isInstanceOf(CfnInvalidRequestException.class)
                .hasMessageContaining("NextToken");
        assertThatThrownBy(() -> ListPage.of(all, "abc", null)).isInstanceOf(CfnInvalidRequestException.class);
    }
}
