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
 *   <li>type configuration {@code SpotCredentials.ApiToken}, for local and test runs only (see
 *       {@link #ALLOW_CONFIGURED_TOKEN});</li>
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
    /**
     * Set to {@code allow}, this system property lets {@code SpotCredentials.ApiToken} reach a Spot API
     * that is not on this machine: for a handler run by hand (cfn test against Spot). Without it the
     * token is taken from the type configuration only for a loopback {@code ApiUrl} (the emulator), since
     * CloudFormation shows a type configuration to whoever may call BatchDescribeTypeConfigurations
     * and a handler cannot tell a literal from a resolved dynamic reference. A handler CloudFormation
     * runs has no way to set it.
     */
    public static final String ALLOW_CONFIGURED_TOKEN = "spot.onboarding.tokenInTypeConfiguration";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String typeName;

    public SpotTokenResolver(final String typeName) {
        this.typeName = typeName;
    }

    public SpotAccess resolve(final SpotTokenSettings settings, final SecretReader secrets) {
        final SpotTokenSettings given = settings == null ? SpotTokenSettings.NONE : settings;
        final SpotEndpoint endpoint = endpoint(given.apiUrl());
        if (given.apiToken() != null) {
            final String token = checked(given.apiToken(), "SpotCredentials.ApiToken");
            if (!endpoint.isLocal() && !"allow".equals(System.getProperty(ALLOW_CONFIGURED_TOKEN))) {
                throw invalid("SpotCredentials.ApiToken is accepted only in a local or test run (a Spot API on a "
                        + "loopback ApiUrl, or -D" + ALLOW_CONFIGURED_TOKEN + "=allow): anyone allowed "
                        + "BatchDescribeTypeConfigurations can read a type configuration. Put the token in a Secrets "
                        + "Manager secret under cfn/spot/ and name it in SpotCredentials.ApiTokenSecret, or create "
                        + "the secret '" + DEFAULT_SECRET
                        + "' in this account and region (the onboarding template does).");
            }
            return new SpotAccess(endpoint, token, "type configuration SpotCredentials.ApiToken");
        }
        if (given.apiTokenSecret() != null && !given.apiTokenSecret().isBlank()) {
            final String secretId = given.apiTokenSecret().trim();
            final String value = read(secrets, secretId)
                    .orElseThrow(() -> invalid("SpotCredentials.ApiTokenSecret names " + described(secretId)
                            + ", which does not exist in this account and region. Create it, or correct the name or "
                            + "ARN"
                            + (mayBeToken(secretId)
                                    ? "; if that is the token itself, put it in a secret and "
                                            + "name the secret instead."
                                    : ".")));
            return fromSecret(endpoint, secretId, value, secrets);
        }
        final String value = read(secrets, DEFAULT_SECRET)
                .orElseThrow(() -> invalid(
                        "No Spot API token is configured. Create the secret '" + DEFAULT_SECRET + "' in this account "
                                + "and region (the onboarding template does), or name a secret in "
                                + "SpotCredentials.ApiTokenSecret (aws cloudformation set-type-configuration --type "
                                + "RESOURCE --type-name " + typeName + " --configuration "
                                + "'{\"SpotCredentials\":{\"ApiTokenSecret\":\"cfn/spot/<name>\"}}'). "
                                + "SpotCredentials.ApiToken is for local and test runs only."));
        return fromSecret(endpoint, DEFAULT_SECRET, value, secrets);
    }

    /** The token a secret holds, or the one in the secret it points to. */
    private SpotAccess fromSecret(
            final SpotEndpoint endpoint, final String secretId, final String value, final SecretReader secrets) {
        final Optional<String> pointer = pointer(value);
        if (pointer.isEmpty()) {
            return new SpotAccess(
                    endpoint, checked(tokenFromSecret(value), described(secretId)), "secret " + shown(secretId));
        }
        final String target = pointer.get();
        final String named = described(target) + " (named by " + described(secretId) + ")";
        final String targetValue = read(secrets, target)
                .orElseThrow(() -> invalid(named + " does not exist. The "
                        + "central token secret must be in this region, and its ARN given in full; correct "
                        + shown(secretId) + " (template.yml's parameter CentralTokenSecretArn)."));
        if (pointer(targetValue).isPresent()) {
            throw invalid(named + " holds another pointer. It must hold the Spot API token itself.");
        }
        return new SpotAccess(
                endpoint,
                checked(tokenFromSecret(targetValue), named),
                "secret " + shown(target) + " via " + shown(secretId));
    }

    /**
     * Whether a configured secret name could be a token pasted in its place: letters and digits only,
     * as a Spot token is. Such a name is never repeated in a message.
     */
    private static boolean mayBeToken(final String secretId) {
        return secretId.chars().allMatch(Character::isLetterOrDigit);
    }

    private static String shown(final String secretId) {
        return mayBeToken(secretId) ? "<a name of letters and digits only, not repeated>" : secretId;
    }

    private static String described(final String secretId) {
        return mayBeToken(secretId)
                ? "a secret whose name is letters and digits only, as a token is (not repeated here)"
                : "the secret '" + secretId + "'";
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
            final String reason = String.valueOf(e.getMessage());
            throw new CfnAccessDeniedException(
                    typeName + ": the handler's execution role may not read " + described(secretId) + " ("
                            + (mayBeToken(secretId) ? reason.replace(secretId, shown(secretId)) : reason)
                            + "). Grant it secretsmanager:GetSecretValue on the secret, "
                            + "and kms:Decrypt if a customer managed key encrypts it (registry.yml's role "
                            + "SpotOnboardingHandlers-<region> has both; a secret in another account must also allow it in its "
                            + "resource policy and key policy, as central-token.yml's does).",
                    mayBeToken(secretId) ? null : e);
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
