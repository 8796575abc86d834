package io.spot.onboarding.runner.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.aws.SecretType;
import org.junit.jupiter.api.Test;

/** Drift of an AWS resource compares what the runner reads back, nothing it passes over. */
class DriftComparisonTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SecretType secrets = new SecretType(null);

    /** ReplicaRegions is valid (cfn-lint accepts it); moto gets no replica, so there is nothing to compare. */
    @Test
    void aPropertyTheRunnerPassesOverIsNotDrift() {
        final ObjectNode expected = JSON.objectNode().put("Name", "cfn/spot/api-token");
        expected.putArray("ReplicaRegions").addObject().put("Region", "eu-west-1");
        expected.put("SecretString", "write-only");
        final ObjectNode actual = JSON.objectNode().put("Name", "cfn/spot/api-token");

        assertThat(DriftComparison.differences(secrets, expected, actual)).isEmpty();
    }

    @Test
    void aPropertyTheRunnerReadsBackIsCompared() {
        final ObjectNode expected =
                JSON.objectNode().put("Name", "cfn/spot/api-token").put("Description", "the token");
        final ObjectNode actual = JSON.objectNode().put("Name", "cfn/spot/api-token");

        assertThat(DriftComparison.differences(secrets, expected, actual))
                .singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo("/Description"));
    }
}
