package io.spot.onboarding.common.handler;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.cloudformation.AbstractWrapper;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;

/**
 * Reads secrets with the caller's credentials (the handler's execution role, as CloudFormation
 * passes it), through one client per region for the life of the JVM. The endpoint follows the
 * SDK's own rules, so {@code AWS_ENDPOINT_URL} points it at an emulator without code changes.
 */
public final class SecretsManagerSecretReader implements SecretReader {
    private static final Map<String, SecretsManagerClient> CLIENTS = new ConcurrentHashMap<>();

    private final AmazonWebServicesClientProxy proxy;
    private final SecretsManagerClient client;

    public SecretsManagerSecretReader(final AmazonWebServicesClientProxy proxy, final String region) {
        this.proxy = proxy;
        this.client = CLIENTS.computeIfAbsent(
                region == null ? "us-east-1" : region,
                r -> SecretsManagerClient.builder()
                        .region(Region.of(r))
                        .httpClient(AbstractWrapper.HTTP_CLIENT)
                        .build());
    }

    @Override
    public Optional<String> secretString(final String secretId) {
        final GetSecretValueRequest request =
                GetSecretValueRequest.builder().secretId(secretId).build();
        try {
            final GetSecretValueResponse response = proxy == null
                    ? client.getSecretValue(request)
                    : proxy.injectCredentialsAndInvokeV2(request, client::getSecretValue);
            return Optional.ofNullable(response.secretString());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (SecretsManagerException e) {
            if (e.statusCode() == 403 || e.statusCode() == 400 && isAccessDenied(e)) {
                throw new SecretAccessDeniedException(
                        e.awsErrorDetails() == null
                                ? "access denied"
                                : e.awsErrorDetails().errorMessage());
            }
            throw e;
        }
    }

    private static boolean isAccessDenied(final SecretsManagerException e) {
        return e.awsErrorDetails() != null
                && "AccessDeniedException".equals(e.awsErrorDetails().errorCode());
    }
}
