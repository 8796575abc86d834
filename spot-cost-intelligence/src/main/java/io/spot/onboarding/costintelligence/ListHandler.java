package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.CostIntelligenceAccount;
import io.spot.onboarding.common.api.Page;
import io.spot.onboarding.common.api.SpotValidationException;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.List;
import java.util.Optional;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** Every account enrolled in Cost Intelligence, one Spot page per invocation (see {@link ListToken}). */
public class ListHandler extends CostIntelligenceHandler {

    ListHandler(final SpotInvoker invoker, final EnrollmentSearch search) {
        super(Action.LIST, invoker, search);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final String nextToken = call.request().getNextToken();
        final Optional<ListToken> parsed = ListToken.parse(nextToken);
        if (parsed.isEmpty()) {
            return refused(nextToken);
        }
        final ListToken token = parsed.get();
        final Page<CostIntelligenceAccount> page;
        try {
            page = call.spot().listCostIntelligenceAccounts(token.spotKey(), null);
        } catch (SpotValidationException refusedKey) {
            if (token.spotKey() == null) {
                throw refusedKey;
            }
            return refused(nextToken);
        }
        final List<CostIntelligenceAccount> items = page.items();
        final int from = Math.min(token.skip(), items.size());
        final Integer maxResults = call.request().getMaxResults();
        final int to = maxResults == null || maxResults <= 0 ? items.size() : Math.min(items.size(), from + maxResults);
        final ListToken next = to < items.size()
                ? new ListToken(token.spotKey(), to)
                : page.hasNext() && !page.nextKey().equals(token.spotKey()) ? new ListToken(page.nextKey(), 0) : null;
        final List<ResourceModel> models = items.subList(from, to).stream()
                .map(enrolled -> withEnrollment(new ResourceModel(), enrolled))
                .toList();
        return Events.listed(models, next == null ? null : next.text());
    }

    private static ProgressEvent<ResourceModel, CallbackContext> refused(final String nextToken) {
        return Events.failed(
                HandlerErrorCode.InvalidRequest,
                "NextToken '" + nextToken + "' is not one this handler "
                        + "returned, or Spot no longer accepts the page it points to; start the listing again without NextToken");
    }
}
