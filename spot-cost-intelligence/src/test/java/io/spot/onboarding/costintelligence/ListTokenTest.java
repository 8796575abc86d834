package io.spot.onboarding.costintelligence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListTokenTest {

    @Test
    void roundTripsSpotsKeyAndTheOffsetIntoItsPage() {
        final ListToken token = new ListToken("MTczNTY4OTYwMDAwMDphY3QtMQ:with:colons", 7);

        assertThat(ListToken.parse(token.text())).contains(token);
        assertThat(ListToken.parse(new ListToken(null, 3).text())).contains(new ListToken(null, 3));
    }

    @Test
    void noTokenIsTheFirstPage() {
        assertThat(ListToken.parse(null)).contains(ListToken.FIRST);
        assertThat(ListToken.parse(" ")).contains(ListToken.FIRST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"offset:100", "cbi:", "cbi:x:key", "cbi:-1:key", "cbi:99999999999:key", "key"})
    void refusesWhatThisHandlerNeverIssued(final String text) {
        assertThat(ListToken.parse(text)).isEmpty();
    }
}
