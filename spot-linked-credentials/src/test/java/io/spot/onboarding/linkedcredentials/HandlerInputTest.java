package io.spot.onboarding.linkedcredentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotTokenSettings;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The handlers' own input checks. The wrapper validates the model against the schema before a
 * Create or Update reaches them, but cfn's test entry point does not, so they check again.
 */
class HandlerInputTest {
    private final SpotApi spot = mock(SpotApi.class);
    private final SpotInvoker invoker =
            new SpotInvoker((proxy, region) -> id -> Optional.empty(), access -> spot, new RetryPolicy());
    private final SpotTokenSettings configuration = new SpotTokenSettings("unitTestToken", null, "http://127.0.0.1:1");

    private ProgressEvent<ResourceModel, CallbackContext> run(
            final LinkedCredentialsHandler handler, final ResourceModel desired, final ResourceModel previous) {
        final ResourceHandlerRequest<ResourceModel> request = ResourceHandlerRequest.<ResourceModel>builder()
                .desiredResourceState(desired)
                .previousResourceState(previous)
                .build();
        return handler.handleRequest(null, request, null, null, configuration);
    }

    @Test
    void createRefusesARoleArnThatIsNoRoleArnWithoutCallingSpot() {
        final var event = run(
                new CreateHandler(invoker),
                ResourceModel.builder()
                        .accountId("act-12345678")
                        .roleArn("arn:aws:iam::123456789012:user/alice")
                        .build(),
                null);

        assertThat(event.getStatus()).isEqualTo(OperationStatus.FAILED);
        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage())
                .startsWith("RoleArn must be an IAM role ARN")
                .contains("user/alice");
        verifyNoInteractions(spot);
    }

    @Test
    void createRefusesAnAccountIdThatIsNoSpotAccountIdWithoutCallingSpot() {
        final var event = run(
                new CreateHandler(invoker),
                ResourceModel.builder()
                        .accountId("123456789012")
                        .roleArn(LinkedCredentialsHarness.ROLE)
                        .build(),
                null);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).startsWith("AccountId must be a Spot account ID");
        verifyNoInteractions(spot);
    }

    @Test
    void updateRefusesARoleArnThatIsNoRoleArnWithoutCallingSpot() {
        final ResourceModel previous = ResourceModel.builder()
                .accountId("act-12345678")
                .roleArn(LinkedCredentialsHarness.ROLE)
                .build();
        final var event = run(
                new UpdateHandler(invoker),
                previous.toBuilder().roleArn("SpotRole").build(),
                previous);

        assertThat(event.getErrorCode()).isEqualTo(HandlerErrorCode.InvalidRequest);
        assertThat(event.getMessage()).contains("RoleArn").contains("'SpotRole'");
        verifyNoInteractions(spot);
    }
}
