package io.spot.onboarding.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourcesRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStackResourcesResponse;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksRequest;
import software.amazon.awssdk.services.cloudformation.model.DescribeStacksResponse;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.cloudformation.AbstractWrapper;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;

/**
 * What CloudFormation itself says, read with the credentials of the request (the handlers' execution
 * role): the status of the stack a Delete comes from, and which other Spot::Onboarding::Account
 * resources hold a Spot account, in that stack and in every stack of the partition's regions. The
 * request's {@code rollback} field is not the only word on a rollback, and a Delete cannot see the
 * resource that replaced it, nor another stack's, any other way. One client per region for the life
 * of the JVM; {@code aws.endpointUrlCloudFormation} overrides the endpoint (the tests' stand-in).
 */
class StackAuthority {
    static final String TYPE = ResourceModel.TYPE_NAME;
    static final List<String> PERMISSIONS =
            List.of("cloudformation:DescribeStacks", "cloudformation:DescribeStackResources");

    private static final Map<String, CloudFormationClient> CLIENTS = new ConcurrentHashMap<>();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    private static final ExecutorService LOOKUPS = Executors.newFixedThreadPool(12, r -> {
        final Thread thread = new Thread(r, "stack-authority");
        thread.setDaemon(true);
        return thread;
    });

    /** Another resource of this type that holds the account, where CloudFormation lists it. */
    record Holder(String stackId, String logicalId, String status) {
        String describe() {
            return logicalId + " of stack " + stackId + " (" + status + ")";
        }
    }

    /** CloudFormation could not answer: nothing may be decided on what it would have said. */
    static final class Unknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unknown(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    private final Function<String, CloudFormationClient> clients;
    private final Supplier<List<String>> regions;

    StackAuthority() {
        this(region -> CLIENTS.computeIfAbsent(region, StackAuthority::newClient), null);
    }

    /** @param regions the regions to look in; null: those of the request's partition */
    StackAuthority(final Function<String, CloudFormationClient> clients, final Supplier<List<String>> regions) {
        this.clients = clients;
        this.regions = regions;
    }

    private static CloudFormationClient newClient(final String region) {
        return CloudFormationClient.builder()
                .region(Region.of(region))
                .httpClient(AbstractWrapper.HTTP_CLIENT)
                .overrideConfiguration(c -> c.apiCallTimeout(CALL_TIMEOUT))
                .build();
    }

    /** The stack's status, or empty when the request names no stack or CloudFormation knows none by its ID. */
    Optional<String> stackStatus(final AmazonWebServicesClientProxy proxy, final String region, final String stackId) {
        if (stackId == null || region == null) {
            return Optional.empty();
        }
        final DescribeStacksRequest request =
                DescribeStacksRequest.builder().stackName(stackId).build();
        final Optional<DescribeStacksResponse> response =
                call(proxy, region, request, c -> c::describeStacks, "DescribeStacks on " + stackId);
        return response.flatMap(r -> r.stacks().stream().findFirst()).map(s -> s.stackStatusAsString());
    }

    /**
     * The other Account resources that hold {@code accountId}: of this stack (a replacement, a renamed
     * logical ID), and of any other stack of the partition, in any region (a second stack or StackSet).
     * Resources already deleted or being deleted by their own stack's delete do not hold it.
     */
    List<Holder> otherHolders(
            final AmazonWebServicesClientProxy proxy,
            final String region,
            final String stackId,
            final String logicalId,
            final String accountId) {
        final List<Holder> holders = new ArrayList<>();
        if (stackId != null && region != null) {
            final DescribeStackResourcesRequest own =
                    DescribeStackResourcesRequest.builder().stackName(stackId).build();
            call(proxy, region, own, c -> c::describeStackResources, "DescribeStackResources on " + stackId)
                    .ifPresent(r -> collect(r.stackResources(), accountId, stackId, logicalId, holders));
        }
        final DescribeStackResourcesRequest byId = DescribeStackResourcesRequest.builder()
                .physicalResourceId(accountId)
                .build();
        // One call per region, at once: in turn, a partition's thirty-odd regions could outlast an invocation.
        final List<CompletableFuture<Optional<DescribeStackResourcesResponse>>> lookups = new ArrayList<>();
        for (final String other : regions(region)) {
            lookups.add(CompletableFuture.supplyAsync(() -> inRegion(proxy, other, region, byId), LOOKUPS));
        }
        for (final CompletableFuture<Optional<DescribeStackResourcesResponse>> lookup : lookups) {
            final Optional<DescribeStackResourcesResponse> response;
            try {
                response = lookup.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof Unknown unknown ? unknown : new Unknown(e.getMessage(), e);
            }
            response.ifPresent(r -> collect(r.stackResources(), accountId, stackId, logicalId, holders));
        }
        return holders;
    }

    /** Empty also for a region this account has not enabled: nothing can be held there. */
    private Optional<DescribeStackResourcesResponse> inRegion(
            final AmazonWebServicesClientProxy proxy,
            final String other,
            final String home,
            final DescribeStackResourcesRequest byId) {
        try {
            return call(proxy, other, byId, c -> c::describeStackResources, "DescribeStackResources in " + other);
        } catch (Unknown notEnabled) {
            if (other.equals(home) || !(notEnabled.getCause() instanceof AwsServiceException e) || !regionOff(e)) {
                throw notEnabled;
            }
            return Optional.empty();
        }
    }

    private static void collect(
            final List<StackResource> resources,
            final String accountId,
            final String stackId,
            final String logicalId,
            final List<Holder> holders) {
        for (final StackResource r : resources) {
            final boolean self =
                    r.stackId().equals(stackId) && r.logicalResourceId().equals(logicalId);
            final String status = r.resourceStatusAsString();
            if (!self
                    && TYPE.equals(r.resourceType())
                    && accountId.equals(r.physicalResourceId())
                    && status != null
                    && !status.startsWith("DELETE_")
                    && holders.stream()
                            .noneMatch(h -> h.stackId().equals(r.stackId())
                                    && h.logicalId().equals(r.logicalResourceId()))) {
                holders.add(new Holder(r.stackId(), r.logicalResourceId(), status));
            }
        }
    }

    private List<String> regions(final String region) {
        if (regions != null) {
            return regions.get();
        }
        final Region home = Region.of(region == null ? "us-east-1" : region);
        final String partition =
                home.metadata() == null ? "aws" : home.metadata().partition().id();
        final List<String> all = new ArrayList<>();
        for (final Region r : Region.regions()) {
            if (r.metadata() != null
                    && !r.isGlobalRegion()
                    && partition.equals(r.metadata().partition().id())) {
                all.add(r.id());
            }
        }
        return all;
    }

    /** An opt-in region this account has not enabled answers any call as from an unknown key. */
    private static boolean regionOff(final AwsServiceException e) {
        final String code = errorCode(e);
        return "InvalidClientTokenId".equals(code) || "UnrecognizedClientException".equals(code);
    }

    private static String errorCode(final AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /** Empty when CloudFormation knows no such stack (its own ValidationError "does not exist"). */
    private <Q extends AwsRequest, R extends AwsResponse> Optional<R> call(
            final AmazonWebServicesClientProxy proxy,
            final String region,
            final Q request,
            final Function<CloudFormationClient, Function<Q, R>> method,
            final String what) {
        final Function<Q, R> invoke = method.apply(clients.apply(region));
        try {
            return Optional.of(
                    proxy == null ? invoke.apply(request) : proxy.injectCredentialsAndInvokeV2(request, invoke));
        } catch (AwsServiceException e) {
            final String code = errorCode(e);
            if ("ValidationError".equals(code)
                    && String.valueOf(e.awsErrorDetails().errorMessage()).contains("does not exist")) {
                return Optional.empty();
            }
            throw new Unknown(
                    what + " failed: "
                            + (code == null
                                    ? e.getMessage()
                                    : code + ": " + e.awsErrorDetails().errorMessage()),
                    e);
        } catch (SdkClientException e) {
            throw new Unknown(what + " did not answer: " + e.getMessage(), e);
        }
    }
}
