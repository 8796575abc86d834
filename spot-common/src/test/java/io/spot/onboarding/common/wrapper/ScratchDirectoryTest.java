package io.spot.onboarding.common.wrapper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScratchDirectoryTest {

    @Test
    void outsideLambdaASharedTmpdirIsNeverEmptied() {
        assertThat(ScratchDirectory.mayScrub(Map.of(), "/tmp")).isFalse();
        assertThat(ScratchDirectory.mayScrub(Map.of(), "/tmp/")).isFalse();
        assertThat(ScratchDirectory.mayScrub(Map.of(), "/var/tmp")).isFalse();
        assertThat(ScratchDirectory.mayScrub(Map.of(), null)).isFalse();
    }

    @Test
    void aPrivateTmpdirOrLambdasOwnIsEmptiedAsThePluginIntends() {
        assertThat(ScratchDirectory.mayScrub(Map.of(), "/work/build/handler-tmp"))
                .isTrue();
        assertThat(ScratchDirectory.mayScrub(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f"), "/tmp"))
                .isTrue();
    }
}
