package io.spot.onboarding.harness;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Every response a behaviour test sees passes through these rules; each rule must be able to fail. */
class HandlerContractTest {
    private final HandlerContract contract = new HandlerContract("AccountId", false);

    private static HandlerResponse response(final String json) {
        return new HandlerResponse((ObjectNode) CloudFormationRequest.props(json));
    }

    @Test
    void failedNeedsACodeAndAMessage() {
        assertThatThrownBy(() -> contract.check("CREATE", response("{\"status\":\"FAILED\",\"message\":\"x\"}")))
                .hasMessageContaining("without an error code");
        assertThatThrownBy(
                        () -> contract.check("CREATE", response("{\"status\":\"FAILED\",\"errorCode\":\"NotFound\"}")))
                .hasMessageContaining("without a message");
    }

    @Test
    void readAndListNeverWait() {
        assertThatThrownBy(() -> contract.check(
                        "READ",
                        response("{\"status\":\"IN_PROGRESS\"," + "\"resourceModel\":{\"AccountId\":\"act-1\"}}")))
                .hasMessageContaining("READ returned IN_PROGRESS");
    }

    @Test
    void deleteSuccessCarriesNoModel() {
        assertThatThrownBy(() -> contract.check(
                        "DELETE",
                        response("{\"status\":\"SUCCESS\"," + "\"resourceModel\":{\"AccountId\":\"act-1\"}}")))
                .hasMessageContaining("carried a model");
        assertThatCode(() -> contract.check("DELETE", response("{\"status\":\"SUCCESS\"}")))
                .doesNotThrowAnyException();
    }

    @Test
    void inProgressCarriesTheIdentifier() {
        assertThatThrownBy(
                        () -> contract.check("UPDATE", response("{\"status\":\"IN_PROGRESS\",\"resourceModel\":{}}")))
                .hasMessageContaining("without AccountId");
        assertThatCode(() -> new HandlerContract("AccountId", true)
                        .check("CREATE", response("{\"status\":\"IN_PROGRESS\",\"resourceModel\":{}}")))
                .doesNotThrowAnyException();
    }
}
