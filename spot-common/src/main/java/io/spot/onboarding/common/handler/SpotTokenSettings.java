package io.spot.onboarding.common.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The type configuration's {@code SpotCredentials}, as the token resolution reads it. Each type's
 * {@code TypeConfigurationModel} is what {@code cfn generate} writes from its schema; the wrapper turns
 * it into this at once, since the generated {@code SpotCredentials} prints the token in its
 * {@code toString} and this never does.
 */
public record SpotTokenSettings(String apiToken, String apiTokenSecret, String apiUrl) {

    public static final SpotTokenSettings NONE = new SpotTokenSettings(null, null, null);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** From a generated {@code TypeConfigurationModel} (or its JSON), read by the schema's property names. */
    public static SpotTokenSettings from(final Object typeConfiguration) {
        if (typeConfiguration == null) {
            return NONE;
        }
        if (typeConfiguration instanceof SpotTokenSettings settings) {
            return settings;
        }
        final JsonNode credentials = MAPPER.valueToTree(typeConfiguration).path("SpotCredentials");
        if (!credentials.isObject()) {
            return NONE;
        }
        return new SpotTokenSettings(
                text(credentials, "ApiToken"), text(credentials, "ApiTokenSecret"), text(credentials, "ApiUrl"));
    }

    private static String text(final JsonNode node, final String field) {
        final JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public String toString() {
        return "SpotTokenSettings[apiToken=" + (apiToken == null ? "unset" : "***") + ", apiTokenSecret="
                + apiTokenSecret + ", apiUrl=" + apiUrl + "]";
    }
}
