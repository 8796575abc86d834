package io.spot.onboarding.accountalias;

import java.util.Optional;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;

/** Where the AWS account alias comes from: IAM when deployed, a stand-in IAM in some tests. */
@FunctionalInterface
interface AccountAliasSource {

    /**
     * The alias of the AWS account whose credentials {@code proxy} carries (the account the stack
     * runs in); empty when it has none. A null proxy means the client's own credentials.
     *
     * @throws AliasLookupException when IAM did not answer with the aliases
     */
    Optional<String> alias(AmazonWebServicesClientProxy proxy, String region);
}
