package io.spot.onboarding.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpotEndpointTest {

    @Test
    void defaultsToSpotsPublicApi() {
        assertThat(SpotEndpoint.of(null).url()).isEqualTo("https://api.spotinst.io/");
        assertThat(SpotEndpoint.of(" ").url()).isEqualTo("https://api.spotinst.io/");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9000/", "https://spot.example"})
    void acceptsHttpsAndLoopbackHttp(final String url) {
        assertThat(SpotEndpoint.of(url).url()).startsWith(url.substring(0, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.spotinst.io", "http://10.0.0.5:8080", "http://localhost.evil.com"})
    void refusesClearTextToAnyOtherHost(final String url) {
        assertThatThrownBy(() -> SpotEndpoint.of(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.spotinst.io", "ftp://x", "https://api.spotinst.io/v2", "https://x?y=1"})
    void refusesWhatIsNotABaseUrl(final String url) {
        assertThatThrownBy(() -> SpotEndpoint.of(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute http(s) URL");
    }
}
