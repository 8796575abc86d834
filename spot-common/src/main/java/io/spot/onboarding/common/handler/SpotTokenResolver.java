package io.spot.onboarding.common.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.common.api.SpotEndpoint;
import java.io.IOException;
import java.util.Optional;
import software.amazon.cloudformation.exceptions.CfnAccessDeniedException;
import software.amazon.cloudformation.exceptions.CfnInvalidTypeConfigurationException;

/**
 * Finds the Spot token (docs/design.md §3), first match wins:
 * <ol>
 *   <li>type configuration {@code SpotCredentials.ApiToken};</li>
 *   <li>type configuration {@code SpotCredentials.ApiTokenSecret}, a secret name or ARN;</li>
 *   <li>the secret {@value #DEFAULT_SECRET} in the handler's own account and region.</li>
 * </ol>
 * A secret of 2 or 3 may instead hold a pointer, {@code {"ApiTokenSecret": "<name or ARN>"}}: the
 * secret holding the token, typically the organization's in the management account. That is how
 * template.yml's central option reaches the handlers: a template cannot set the types'
 * configuration, but it can write that secret. One hop only; a pointer to a pointer is refused.
 * A token is never a resource property: Read, List and Delete receive only the identifier.
 */
public final class SpotTokenResolver {
    public static final String DEFAULT_SECRET = "cfn/spot/api-token";
    /** The key of a secret that holds, instead of the token, where the token is. */
    public static final String POINTER_KEY = "ApiTokenSecret";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String typeName;

    public SpotTokenResolver(final String typeName) {
        this.typeName = typeName;
    }

    public SpotAccess resolve(final SpotTokenSettings settings, final SecretReader secrets) {
        final SpotTokenSettings given = settings == null ? SpotTokenSettings.NONE : settings;
        final SpotEndpoint endpoint = endpoint(given.apiUrl());
        if (given.apiToken() != null) {
            return new SpotAccess(
                    endpoint,
                    checked(given.apiToken(), "SpotCredentials.ApiToken"),
                    "type configuration SpotCredentials.ApiToken");
        }
        if (given.apiTokenSecret() != null && !given.apiTokenSecret().isBlank()) {
            final String secretId = given.apiTokenSecret().trim();
            final String value = read(secrets, secretId)
                    .orElseThrow(() -> invalid("SpotCredentials.ApiTokenSecret names the secret '" + secretId
                            + "', which does not exist in this "
                            + "account and region. Create it, or correct the name or ARN."));
            return fromSecret(endpoint, secretId, value, secrets);
        }
        final String value = read(secrets, DEFAULT_SECRET)
                .orElseThrow(() -> invalid(
                        "No Spot API token is configured. Set one of: SpotCredentials.ApiToken (aws cloudformation "
                                + "set-type-configuration --type RESOURCE --type-name " + typeName + " --configuration "
                                + "'{\"SpotCredentials\":{\"ApiToken\":\"{{resolve:secretsmanager:<secret>}}\"}}'); "
                                + "SpotCredentials.ApiTokenSecret (a Secrets Manager secret name or ARN); or create the secret '"
                                + DEFAULT_SECRET + "' in this account and region (the onboarding template does)."));
        return fromSecret(endpoint, DEFAULT_SECRET, value, secrets);
    }

    /** The token a secret holds, or the one in the secret it points to. */
    private SpotAccess fromSecret(
            final SpotEndpoint endpoint, final String secretId, final String value, final SecretReader secrets) {
        final Optional<String> pointer = pointer(value);
        if (pointer.isEmpty()) {
            return new SpotAccess(
                    endpoint, checked(tokenFromSecret(value), "the secret '" + secretId + "'"), "secret " + secretId);
        }
        final String target = pointer.get();
        final String named = "the secret '" + target + "' (named by the secret '" + secretId + "')";
        final String targetValue = read(secrets, target)
                .orElseThrow(() -> invalid(named + " does not exist. The "
                        + "central token secret must be in this region, and its ARN given in full; correct " + secretId
                        + " (template.yml's parameter CentralTokenSecretArn)."));
        if (pointer(targetValue).isPresent()) {
            throw invalid(named + " holds another pointer. It must hold the Spot API token itself.");
        }
        return new SpotAccess(
                endpoint, checked(tokenFromSecret(targetValue), named), "secret " + target + " via " + secretId);
    }

    private SpotEndpoint endpoint(final String apiUrl) {
        try {
            return SpotEndpoint.of(apiUrl);
        } catch (IllegalArgumentException e) {
            throw invalid("SpotCredentials.ApiUrl " + e.getMessage());
        }
    }

    private Optional<String> read(final SecretReader secrets, final String secretId) {
        try {
            return secrets.secretString(secretId);
        } catch (SecretReader.SecretAccessDeniedException e) {
            throw new CfnAccessDeniedException(
                    typeName + ": the handler's execution role may not read the secret '"
                            + secretId + "' (" + e.getMessage()
                            + "). Grant it secretsmanager:GetSecretValue on the secret, "
                            + "and kms:Decrypt if a customer managed key encrypts it (registry.yml's role "
                            + "SpotOnboardingHandlers-<region> has both; a secret in another account must also allow it in its "
                            + "resource policy and key policy, as central-token.yml's does).",
                    e);
        }
    }

    /** The secret named by a {@value #POINTER_KEY} key, when the value is a JSON object with one. */
    private static Optional<String> pointer(final String value) {
        final String trimmed = value.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            final JsonNode json = MAPPER.readTree(trimmed);
            return json.hasNonNull(POINTER_KEY)
                            && !json.get(POINTER_KEY).asText().isBlank()
                    ? Optional.of(json.get(POINTER_KEY).asText().trim())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A secret holds the bare token, or a JSON object with an "ApiToken" or "token" key (the console's key/value form). */
    private static String tokenFromSecret(final String value) {
        final String trimmed = value.trim();
        if (!trimmed.startsWith("{")) {
            return trimmed;
        }
        try {
            final JsonNode json = MAPPER.readTree(trimmed);
            for (final String key : new String[] {"ApiToken", "apiToken", "token"}) {
                if (json.hasNonNull(key)) {
                    return json.get(key).asText().trim();
                }
            }
            return "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Checks shape without ever echoing the value. */
    private String checked(final String token, final String source) {
        if (token.isBlank()) {
            throw invalid(source + " is empty. It must hold a Spot API token (an organization admin token).");
        }
        if (!token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid(source + " must hold a Spot API token: printable ASCII with no spaces or line breaks.");
        }
        return token;
    }

    private CfnInvalidTypeConfigurationException invalid(final String reason) {
        return new CfnInvalidTypeConfigurationException(typeName, reason);
    }
}
