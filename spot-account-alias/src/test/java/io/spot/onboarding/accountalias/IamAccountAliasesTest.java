package io.spot.onboarding.accountalias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;

/** The alias reader on its own: which client it asks, and how it reads IAM's answers. */
class IamAccountAliasesTest {
    @RegisterExtension
    final FakeIam iam = new FakeIam();

    private final List<String> regionsAsked = new ArrayList<>();
    private final IamAccountAliases aliases = new IamAccountAliases(region -> {
        regionsAsked.add(region);
        return iam.client();
    });

    @Test
    void readsTheOneAliasOrNothingWithTheClientsOwnCredentialsWhenThereIsNoProxy() {
        assertThat(aliases.alias(null, "eu-west-1")).isEmpty();
        iam.alias("acme");
        assertThat(aliases.alias(null, "eu-west-1")).contains("acme");
        assertThat(iam.seen())
                .allSatisfy(call -> assertThat(call.authorization()).contains("Credential=fake/"));
    }

    @Test
    void asksTheClientForTheStacksRegionAndUsEast1WhenTheRequestNamesNone() {
        aliases.alias(null, "ap-southeast-2");
        aliases.alias(null, null);

        assertThat(regionsAsked).containsExactly("ap-southeast-2", "us-east-1");
    }

    @Test
    void sortsIamErrorsIntoWhatAHandlerCanDoAboutThem() {
        iam.thenError(403, "AccessDenied", "not authorized", 1)
                .thenError(400, "Throttling", "Rate exceeded", 1)
                .thenError(500, "ServiceFailure", "oops", 1)
                .thenError(400, "InvalidInput", "odd", 1);

        assertThat(kindOfNextFailure()).isEqualTo(AliasLookupException.Kind.ACCESS_DENIED);
        assertThat(kindOfNextFailure()).isEqualTo(AliasLookupException.Kind.THROTTLED);
        assertThat(kindOfNextFailure()).isEqualTo(AliasLookupException.Kind.UNAVAILABLE);
        assertThat(kindOfNextFailure()).isEqualTo(AliasLookupException.Kind.REFUSED);
        iam.stopAnswering();
        assertThat(kindOfNextFailure()).isEqualTo(AliasLookupException.Kind.NETWORK);
    }

    /**
     * Why the client is built for the stack's region although IAM is global: the SDK sends every
     * region of a partition to that partition's IAM endpoint, and signs for its home region.
     */
    @Test
    void everyRegionReachesItsPartitionsGlobalIamEndpoint() {
        assertThat(endpoint("us-east-1")).isEqualTo("https://iam.amazonaws.com");
        assertThat(endpoint("eu-central-1")).isEqualTo("https://iam.amazonaws.com");
        assertThat(endpoint("ap-southeast-2")).isEqualTo("https://iam.amazonaws.com");
        assertThat(endpoint("cn-northwest-1")).isEqualTo("https://iam.cn-north-1.amazonaws.com.cn");
        assertThat(endpoint("us-gov-east-1")).isEqualTo("https://iam.us-gov.amazonaws.com");
    }

    private AliasLookupException.Kind kindOfNextFailure() {
        return catchThrowableOfType(AliasLookupException.class, () -> aliases.alias(null, "us-east-1"))
                .kind();
    }

    private static String endpoint(final String region) {
        return IamEndpointProvider.defaultProvider()
                .resolveEndpoint(p -> p.region(Region.of(region)))
                .join()
                .url()
                .toString();
    }
}
