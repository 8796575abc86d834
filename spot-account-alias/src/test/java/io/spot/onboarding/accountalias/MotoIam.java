package io.spot.onboarding.accountalias;

import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.MotoServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** The test's own door into moto_server's IAM, where it sets up the account alias the handler reads. */
final class MotoIam {
    private static IamClient client;

    private MotoIam() {}

    /** Starts moto if needed and forgets every alias, role and secret of earlier tests. */
    static synchronized void reset() {
        MotoServer.shared().reset();
        if (client == null) {
            client = IamClient.builder()
                    .region(Region.of(CloudFormationRequest.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build();
        }
    }

    static void setAlias(final String alias) {
        client.createAccountAlias(b -> b.accountAlias(alias));
    }
}
