package io.spot.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/** The name that proves an account came from this resource's own create call. */
class CreateMarkerTest {
    private static final String STACK = "arn:aws:cloudformation:us-east-1:123456789012:stack/onboarding/";

    private static String marker(
            final String stackId, final String logicalId, final String token, final String awsAccountId) {
        return CreateMarker.of(
                ResourceHandlerRequest.builder()
                        .stackId(stackId)
                        .logicalResourceIdentifier(logicalId)
                        .clientRequestToken(token)
                        .build(),
                awsAccountId);
    }

    @Test
    void theSameResourceAlwaysGivesTheSameNameWhateverTheOperation() {
        final String first = marker(STACK + "uuid-1", "SpotAccount", "token-1", "123456789012");

        assertThat(first).startsWith(CreateMarker.PREFIX).hasSize(36).matches(".*[a-zA-Z].*");
        assertThat(marker(STACK + "uuid-1", "SpotAccount", "token-2", "123456789012"))
                .isEqualTo(first);
        assertThat(marker(STACK + "uuid-2", "SpotAccount", "token-3", "123456789012"))
                .as("the same stack name created again")
                .isEqualTo(first);
    }

    @Test
    void anyOtherResourceGivesAnotherName() {
        final String mine = marker(STACK + "uuid-1", "SpotAccount", "t", "123456789012");

        assertThat(marker(STACK + "uuid-1", "OtherAccount", "t", "123456789012"))
                .isNotEqualTo(mine);
        assertThat(marker(STACK + "uuid-1", "SpotAccount", "t", "210987654321")).isNotEqualTo(mine);
        assertThat(marker(
                        "arn:aws:cloudformation:us-east-1:123456789012:stack/other/uuid-1",
                        "SpotAccount",
                        "t",
                        "123456789012"))
                .isNotEqualTo(mine);
        assertThat(marker(
                        "arn:aws:cloudformation:eu-west-1:123456789012:stack/onboarding/uuid-1",
                        "SpotAccount",
                        "t",
                        "123456789012"))
                .isNotEqualTo(mine);
    }

    @Test
    void aMarkerShowsWhichAwsAccountItIsForButNotWhoseItIs() {
        final String mine = marker(STACK + "uuid-1", "SpotAccount", "t", "123456789012");
        final String other = marker(STACK + "uuid-1", "OtherAccount", "t", "123456789012");

        assertThat(CreateMarker.targeting("123456789012").test(mine)).isTrue();
        assertThat(CreateMarker.targeting("123456789012").test(other)).isTrue();
        assertThat(CreateMarker.targeting("210987654321").test(mine)).isFalse();
        assertThat(CreateMarker.targeting("123456789012").test("123456789012")).isFalse();
        assertThat(mine).isNotEqualTo(other);
    }

    /** Cloud Control sends no stack: the operation's request token stands in. */
    @Test
    void withoutAStackTheRequestTokenDecides() {
        assertThat(marker(null, null, "token-1", "123456789012"))
                .isEqualTo(marker(null, null, "token-1", "123456789012"))
                .isNotEqualTo(marker(null, null, "token-2", "123456789012"));
    }
}
