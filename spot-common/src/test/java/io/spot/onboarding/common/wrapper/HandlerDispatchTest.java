package io.spot.onboarding.common.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

class HandlerDispatchTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "us-east-1",
                "eu-west-3",
                "ap-southeast-7",
                "cn-north-1",
                "cn-northwest-1",
                "us-gov-west-1",
                "us-iso-east-1",
                "us-isob-east-1",
                "il-central-1",
                "mx-central-1"
            })
    void thePartitionIsWhatTheSdkSays(final String region) {
        assertThat(HandlerDispatch.partition(region))
                .isEqualTo(PartitionMetadata.of(Region.of(region)).id());
    }
}
