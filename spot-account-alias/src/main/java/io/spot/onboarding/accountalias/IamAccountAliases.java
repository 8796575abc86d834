package io.spot.onboarding.accountalias;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.cloudformation.AbstractWrapper;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;

/**
 * Reads the AWS account alias with {@code iam:ListAccountAliases}, with the caller's credentials
 * (the handler's execution role, as CloudFormation passes it), through one client per region for
 * the life of the JVM.
 *
 * <p>IAM is global, but the client is built for the stack's region on purpose: the SDK's endpoint
 * rules send every region of a partition to that partition's one IAM endpoint (iam.amazonaws.com
 * signed for us-east-1, iam.us-gov.amazonaws.com, iam.cn-north-1.amazonaws.com.cn), so China and
 * GovCloud work without a table here. {@code AWS_ENDPOINT_URL} / {@code aws.endpointUrl} still
 * override it, which is how the tests point it at moto_server.
 */
final class IamAccountAliases implements AccountAliasSource {
    private static final Map<String, IamClient> CLIENTS = new ConcurrentHashMap<>();
    /** Bounds the SDK's own retries too, so a stuck IAM cannot use up the handler's 60 s. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private static final String FALLBACK_REGION = "us-east-1";

    private final Function<String, IamClient> clients;

    /** @param clients the client for a region; tests pass one aimed at a stand-in IAM */
    IamAccountAliases(final Function<String, IamClient> clients) {
        this.clients = clients;
    }

    static IamAccountAliases standard() {
        return new IamAccountAliases(region -> CLIENTS.computeIfAbsent(region, IamAccountAliases::newClient));
    }

    private static IamClient newClient(final String region) {
        return IamClient.builder()
                .region(Region.of(region))
                .httpClient(AbstractWrapper.HTTP_CLIENT)
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
                .build();
    }

    @Override
    public Optional<String> alias(final AmazonWebServicesClientProxy proxy, final String region) {
        final IamClient client = clients.apply(region == null || region.isBlank() ? FALLBACK_REGION : region);
        final ListAccountAliasesRequest request =
                ListAccountAliasesRequest.builder().build();
        try {
            final ListAccountAliasesResponse response = proxy == null
                    ? client.listAccountAliases(request)
                    : proxy.injectCredentialsAndInvokeV2(request, client::listAccountAliases);
            // IAM allows one alias per account; the list shape is historical.
            return response.accountAliases().stream()
                    .filter(Objects::nonNull)
                    .filter(a -> !a.isEmpty())
                    .findFirst();
        } catch (AwsServiceException e) {
            throw AliasLookupException.from(e);
        } catch (SdkClientException e) {
            throw AliasLookupException.from(e);
        }
    }
}
