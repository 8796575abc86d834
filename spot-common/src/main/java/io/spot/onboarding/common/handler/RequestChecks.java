package io.spot.onboarding.common.handler;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.common.handler.SpotResourceHandler.HandlerCall;
import java.util.Optional;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * The refusals every type makes before its handler's own logic, written once and driven by the
 * type's schema ({@link TypeSchema}):
 * <ul>
 *   <li>Update: a create-only property ({@code createOnlyProperties}) the update would change is
 *   refused as NotUpdatable, naming it: CloudFormation replaces the resource for such a change, so
 *   an update handler that sees one was called outside CloudFormation's rules. One the update leaves
 *   out, as Cloud Control may for the identifier, keeps its current value, so every event of the
 *   update still names the resource.</li>
 *   <li>Read, Update, Delete: an identifier that cannot name a Spot account is NotFound before any
 *   Spot call; there is nothing to read, change or delete.</li>
 *   <li>Create, where the caller gives the Spot account ID (every type but the one that creates the
 *   account): one that cannot be a Spot account's is InvalidRequest, saying what to pass.</li>
 * </ul>
 */
final class RequestChecks {

    private RequestChecks() {}

    static <M, C extends SpotCallbackContext> Optional<ProgressEvent<M, C>> refusal(
            final SpotType<M, C> type, final HandlerCall<M, C> call) {
        final TypeSchema schema = type.schema();
        final String identifier = schema.identifierProperty();
        switch (call.action()) {
            case CREATE:
                if (!schema.isReadOnly(identifier) && !SpotResourceHandler.isAccountId(type.accountId(call.model()))) {
                    return Optional.of(Events.failed(
                            HandlerErrorCode.InvalidRequest,
                            identifier + " must be a Spot account ID matching ^"
                                    + SpotResourceHandler.ACCOUNT_ID_PATTERN
                                    + "$, such as act-1a2b3c4d (was '" + type.accountId(call.model())
                                    + "'): pass !Ref of the stack's Spot::Onboarding::Account."));
                }
                return Optional.empty();
            case UPDATE:
                final Optional<ProgressEvent<M, C>> changed = createOnlyChange(schema, call);
                if (changed.isPresent()) {
                    return changed;
                }
                return notAnAccountId(type, call);
            case READ:
            case DELETE:
                return notAnAccountId(type, call);
            default:
                return Optional.empty();
        }
    }

    private static <M, C extends SpotCallbackContext> Optional<ProgressEvent<M, C>> createOnlyChange(
            final TypeSchema schema, final HandlerCall<M, C> call) {
        final M previous = call.request().getPreviousResourceState();
        if (previous == null) {
            return Optional.empty();
        }
        keepWhatTheUpdateLeavesOut(schema.identifierProperty(), call.model(), previous);
        for (final String property : schema.createOnlyProperties()) {
            keepWhatTheUpdateLeavesOut(property, call.model(), previous);
            final JsonNode was = ModelProperties.value(previous, property);
            final JsonNode asked = ModelProperties.value(call.model(), property);
            if (!was.equals(asked)) {
                return Optional.of(Events.failed(
                        HandlerErrorCode.NotUpdatable,
                        property + " is create-only: CloudFormation replaces the resource to change it, and the "
                                + "update handler may not"
                                + (schema.isWriteOnly(property) ? "." : " (was " + was + ", asked " + asked + ").")));
            }
        }
        return Optional.empty();
    }

    private static void keepWhatTheUpdateLeavesOut(final String property, final Object desired, final Object previous) {
        final JsonNode was = ModelProperties.value(previous, property);
        if (!was.isNull() && ModelProperties.value(desired, property).isNull()) {
            ModelProperties.set(desired, property, was);
        }
    }

    private static <M, C extends SpotCallbackContext> Optional<ProgressEvent<M, C>> notAnAccountId(
            final SpotType<M, C> type, final HandlerCall<M, C> call) {
        final String accountId = type.accountId(call.model());
        if (SpotResourceHandler.isAccountId(accountId)) {
            return Optional.empty();
        }
        return Optional.of(Events.notFound(type.typeName(), accountId, "AccountId must look like act-1a2b3c4d."));
    }
}
