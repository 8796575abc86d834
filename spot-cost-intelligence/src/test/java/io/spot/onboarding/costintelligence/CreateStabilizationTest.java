package io.spot.onboarding.costintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.api.Page;
import io.spot.onboarding.common.api.SpotApi;
import io.spot.onboarding.common.handler.RetryPolicy;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotTokenSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.OperationStatus;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The wait for Spot to list an enrollment it accepted is bounded. The emulator lists an enrollment at
 * once, so an enrollment that never shows up is played by a mock.
 */
class CreateStabilizationTest {
    private static final String ACCOUNT = "act-1a2b3c4d";
    private static final SpotTokenSettings CONFIGURATION =
            new SpotTokenSettings("unitTestToken", null, "http://127.0.0.1:1");

    private final SpotApi spot = mock(SpotApi.class);
    private final CreateHandler handler = new CreateHandler(
            new SpotInvoker((proxy, region) -> secret -> Optional.empty(), access -> spot, new RetryPolicy(bound -> 1)),
            EnrollmentSearch.perInvocation(PageSizeChoice.spotDefault()));

    /** Invokes as CloudFormation does: again on IN_PROGRESS, with the returned context and model. */
    private List<ProgressEvent<ResourceModel, CallbackContext>> run(final ResourceModel model) {
        final List<ProgressEvent<ResourceModel, CallbackContext>> events = new ArrayList<>();
        ResourceModel current = model;
        CallbackContext context = null;
        for (int i = 0; i < 100; i++) {
            final ProgressEvent<ResourceModel, CallbackContext> event = handler.handleRequest(
                    null,
                    ResourceHandlerRequest.<ResourceModel>builder()
                            .desiredResourceState(current)
                            .region("us-east-1")
                            .build(),
                    context,
                    null,
                    CONFIGURATION);
            events.add(event);
            if (event.getStatus() != OperationStatus.IN_PROGRESS) {
                return events;
            }
            current = event.getResourceModel();
            context = event.getCallbackContext();
        }
        throw new AssertionError("still IN_PROGRESS after 100 invocations");
    }

    @Test
    void anEnrollmentSpotNeverListsFailsAsNotStabilizedAfterFiveMinutes() {
        when(spot.validateCostIntelligence(ACCOUNT)).thenReturn(List.of());
        when(spot.enrollCostIntelligence(ACCOUNT))
                .thenReturn(new CostIntelligenceAccount(
                        ACCOUNT,
                        "606079861123",
                        "aws",
                        "123456789012",
                        null,
                        Instant.parse("2026-01-01T00:00:00Z"),
                        null));
        when(spot.listCostIntelligenceAccounts(isNull(), isNull())).thenReturn(new Page<>(List.of(), null, 0));

        final List<ProgressEvent<ResourceModel, CallbackContext>> events = run(ResourceModel.builder()
                .accountId(ACCOUNT)
                .accountOwnership("Created")
                .build());

        final ProgressEvent<ResourceModel, CallbackContext> last = events.get(events.size() - 1);
        assertThat(last.getErrorCode()).isEqualTo(HandlerErrorCode.NotStabilized);
        assertThat(last.getMessage()).contains("accepted", ACCOUNT, "did not list it", "31 searches over 5 minutes");
        assertThat(events).hasSize(1 + CreateHandler.MAX_STABILIZATION_WAITS);
        assertThat(events.stream()
                        .mapToInt(ProgressEvent::getCallbackDelaySeconds)
                        .sum())
                .isEqualTo(CreateHandler.MAX_STABILIZATION_WAITS * CreateHandler.STABILIZE_DELAY_SECONDS);
        assertThat(events.subList(0, events.size() - 1))
                .allSatisfy(e -> assertThat(e.getResourceModel().getAccountId()).isEqualTo(ACCOUNT));
        verify(spot, times(1)).validateCostIntelligence(ACCOUNT);
        verify(spot, times(1)).enrollCostIntelligence(ACCOUNT);
        verify(spot, times(1 + CreateHandler.MAX_STABILIZATION_WAITS)).listCostIntelligenceAccounts(null, null);
    }
}
