package io.spot.onboarding.account;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.ListPage;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/** Every Spot account of the organization, in pages; Spot lists them in one answer, so pages are cut here. */
public class ListHandler extends AccountHandler {

    public ListHandler(final SpotInvoker invoker) {
        super(Action.LIST, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ListPage<SpotAccount> page = ListPage.ofAccounts(call.spot(), call.request());
        return Events.listed(page.items().stream().map(a -> fromSpot(a, null)).toList(), page.nextToken());
    }
}
