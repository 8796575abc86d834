package io.spot.onboarding.accountalias;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.ListPage;
import io.spot.onboarding.common.handler.SpotInvoker;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Every Spot account of the organization with its name. Spot keeps no record of which names a
 * stack applied, so every account's name is listed; Spot lists them in one answer, so pages are
 * cut here.
 */
public class ListHandler extends AccountAliasHandler {

    public ListHandler(final SpotInvoker invoker) {
        super(Action.LIST, invoker);
    }

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final ListPage<SpotAccount> page = ListPage.ofAccounts(call.spot(), call.request());
        return Events.listed(
                page.items().stream()
                        .map(a -> ResourceModel.builder()
                                .accountId(a.accountId())
                                .name(a.name())
                                .build())
                        .toList(),
                page.nextToken());
    }
}
