package io.spot.onboarding.runner.types;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * The stack a resource operation belongs to, as CloudFormation knows it when it calls a handler.
 *
 * @param credentials       the member account's credentials (the StackSet execution role's session):
 *                          the runner's AWS calls and the handlers' callerCredentials
 * @param typeConfiguration what the Spot types are configured with in this account
 */
public record StackContext(
        String stackName,
        String stackId,
        String accountId,
        String region,
        AwsSessionCredentials credentials,
        ObjectNode typeConfiguration) {}
