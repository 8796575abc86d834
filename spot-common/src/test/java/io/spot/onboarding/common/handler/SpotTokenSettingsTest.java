package io.spot.onboarding.common.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpotTokenSettingsTest {

    /** A stand-in for a generated TypeConfigurationModel: read by the schema's property names, as Jackson writes it. */
    record Generated(
            @com.fasterxml.jackson.annotation.JsonProperty("SpotCredentials")
            Map<String, String> credentials) {}

    @Test
    void readsTheGeneratedTypeConfigurationByItsSchemaNames() {
        final SpotTokenSettings settings =
                SpotTokenSettings.from(new Generated(Map.of("ApiToken", "tok-123456", "ApiUrl", "http://127.0.0.1:1")));

        assertThat(settings).isEqualTo(new SpotTokenSettings("tok-123456", null, "http://127.0.0.1:1"));
        assertThat(settings.toString()).doesNotContain("tok-123456").contains("apiToken=***");
    }

    @Test
    void noTypeConfigurationOrNoSpotCredentialsIsNone() {
        assertThat(SpotTokenSettings.from(null)).isSameAs(SpotTokenSettings.NONE);
        assertThat(SpotTokenSettings.from(new Generated(null))).isSameAs(SpotTokenSettings.NONE);
    }
}
