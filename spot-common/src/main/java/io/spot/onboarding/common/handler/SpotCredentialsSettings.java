package io.spot.onboarding.common.handler;

import io.spot.onboarding.common.config.SpotCredentials;
import io.spot.onboarding.common.config.TypeConfigurationModel;

/** The type configuration's {@code SpotCredentials}, as the token resolution reads it. */
public record SpotCredentialsSettings(String apiToken, String apiTokenSecret, String apiUrl) {

    public static final SpotCredentialsSettings NONE = new SpotCredentialsSettings(null, null, null);

    public static SpotCredentialsSettings from(final TypeConfigurationModel configuration) {
        final SpotCredentials credentials = configuration == null ? null : configuration.getSpotCredentials();
        return credentials == null ? NONE : new SpotCredentialsSettings(credentials.getApiToken(),
            credentials.getApiTokenSecret(), credentials.getApiUrl());
    }

    @Override
    public String toString() {
        return "SpotCredentialsSettings[apiToken=" + (apiToken == null ? "unset" : "***")
            + ", apiTokenSecret=" + apiTokenSecret + ", apiUrl=" + apiUrl + "]";
    }
}
