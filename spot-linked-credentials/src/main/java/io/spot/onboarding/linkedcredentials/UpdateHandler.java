package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.UnknownOwnership;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Relinks the account when {@code RoleArn} changes, and brings back the template's role when the
 * account was relinked outside CloudFormation; a Reused account is only observed. See {@link Linker}.
 */
public class UpdateHandler extends LinkedCredentialsHandler {

    public UpdateHandler(final SpotInvoker invoker) {
        super(Action.UPDATE, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ResourceModel desired = call.model();
        final ResourceModel previous = call.request().getPreviousResourceState();
        final Optional<RoleArn> role = RoleArn.parse(desired.getRoleArn());
        if (role.isEmpty()) {
            return Events.failed(HandlerErrorCode.InvalidRequest, RoleArn.invalid(desired.getRoleArn()));
        }
        keepWhatOnlyThisResourceKnows(previous == null ? new ResourceModel() : previous, desired);
        return new Linker(call, role.get(), false).converge();
    }

    /**
     * PreviousRoleArn is the link before this resource first linked the account, so an Update
     * carries it over and never records the link an earlier Create or Update made. A template
     * (or a GetAtt) that stops giving AccountOwnership does not make a known ownership unknown:
     * that would turn a Reused account, which this stack must never write to, into one it relinks. An
     * update that knows neither (Cloud Control's UpdateResource, whose models come from a Read, which
     * cannot report this write-only property) leaves the ownership unknown: it only observes, and says so.
     */
    private static void keepWhatOnlyThisResourceKnows(final ResourceModel previous, final ResourceModel desired) {
        if (previous.getPreviousRoleArn() != null) {
            desired.setPreviousRoleArn(previous.getPreviousRoleArn());
        }
        desired.setAccountOwnership(
                UnknownOwnership.forUpdate(desired.getAccountOwnership(), previous.getAccountOwnership()));
    }
}
