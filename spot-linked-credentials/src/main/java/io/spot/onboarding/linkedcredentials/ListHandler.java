package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.api.SpotAccount;
import io.spot.onboarding.common.handler.Events;
import io.spot.onboarding.common.handler.ListPage;
import io.spot.onboarding.common.handler.SpotInvoker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.proxy.ProgressEvent;

/**
 * Every linked Spot account of the organization, by AccountId only. Spot lists accounts in one
 * answer (E1) but tells each one's role only one account at a time (E8); reading a role per
 * listed account would make a page cost a hundred calls, so List names the links and Read tells
 * their roles.
 */
public class ListHandler extends LinkedCredentialsHandler {

    public ListHandler(final SpotInvoker invoker) {
        super(Action.LIST, invoker);
    }

    /** Each listed link costs one read of its role (Spot lists accounts, not roles). */
    static final int PAGE_SIZE = 20;

    @Override
    protected ProgressEvent<ResourceModel, CallbackContext> handle(
            final HandlerCall<ResourceModel, CallbackContext> call) {

        final List<String> linked = call.spot().listAccounts().accounts().stream()
                .filter(SpotAccount::isLinked)
                .map(SpotAccount::accountId)
                .sorted(Comparator.naturalOrder())
                .toList();
        final ListPage<String> page = ListPage.of(
                linked, call.request().getNextToken(), call.request().getMaxResults(), PAGE_SIZE, PAGE_SIZE);
        final List<ResourceModel> models = new ArrayList<>();
        for (final String accountId : page.items()) {
            CurrentLink.ofExisting(call.spot(), accountId).ifPresent(role -> models.add(linked(null, accountId, role)));
        }
        return Events.listed(models, page.nextToken());
    }
}
