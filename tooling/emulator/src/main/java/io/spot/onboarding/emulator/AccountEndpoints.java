package io.spot.onboarding.emulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** E1-E5: the organization's accounts. */
final class AccountEndpoints {

    private final EmulatorState state;
    private final Faults faults;

    AccountEndpoints(EmulatorState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    Map<Route, Endpoint> endpoints() {
        return Map.of(
                Route.LIST_ACCOUNTS, this::list,
                Route.CREATE_ACCOUNT, this::create,
                Route.GET_ACCOUNT, this::get,
                Route.UPDATE_ACCOUNT, this::update,
                Route.DELETE_ACCOUNT, this::delete);
    }

    /** E1. With cloudAccountId, only the accounts linked to that AWS account. */
    private ApiResponse list(ApiRequest request) {
        return ApiResponse.items(Wire.ACCOUNT_KIND, state.listItems(request.query("cloudAccountId")));
    }

    /** E2. The create answer names the id "id", unlike every other account shape. */
    private ApiResponse create(ApiRequest request) {
        String name = accountName(request);
        int limit = faults.accountLimit();
        SpotAccountRecord created = state.createAccountWithin(name, limit)
                .orElseThrow(() -> SpotApiException.badRequest(
                        Invented.ACCOUNT_LIMIT_EXCEEDED, Invented.ACCOUNT_LIMIT_EXCEEDED_MESSAGE.formatted(limit)));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", created.accountId());
        item.put("name", created.name());
        item.put("organizationId", created.organizationId());
        return ApiResponse.items(Wire.ACCOUNT_KIND, List.of(item));
    }

    // [U] invented: E3 answers with the E1 item, so it says "accountId" rather than "id" (open question 3).
    /** E3. */
    private ApiResponse get(ApiRequest request) {
        String accountId = request.pathVariable("id");
        SpotAccountRecord account =
                state.account(accountId).orElseThrow(() -> SpotApiException.accountNotFound(accountId));
        return ApiResponse.items(Wire.ACCOUNT_KIND, List.of(AccountItems.listItem(account)));
    }

    /** E4. The body is validated before the account is looked up, as route-level validation does. */
    private ApiResponse update(ApiRequest request) {
        String name = accountName(request);
        String accountId = request.pathVariable("id");
        state.withAccount(accountId, account -> {
                    account.rename(name);
                    return account;
                })
                .orElseThrow(() -> SpotApiException.accountNotFound(accountId));
        return ApiResponse.statusOnly();
    }

    /** E5. The account's Cost Intelligence enrollment goes with it. */
    private ApiResponse delete(ApiRequest request) {
        String accountId = request.pathVariable("id");
        if (accountId.equals(state.defaultAccountId())) {
            throw SpotApiException.badRequest(
                    Invented.CANT_DELETE_DEFAULT_ACCOUNT,
                    Invented.CANT_DELETE_DEFAULT_ACCOUNT_MESSAGE.formatted(accountId));
        }
        if (!state.remove(accountId)) {
            throw SpotApiException.accountNotFound(accountId);
        }
        return ApiResponse.statusOnly();
    }

    private String accountName(ApiRequest request) {
        String name = Validation.requiredBodyString(request.json(), "account", "name");
        if (name.length() > Invented.ACCOUNT_NAME_MAX_LENGTH) {
            throw Validation.invalid(
                    "body.account.name", "name", Invented.NAME_TOO_LONG.formatted(Invented.ACCOUNT_NAME_MAX_LENGTH));
        }
        // [C] the rule is documented (OPENAPI createAccount); whether Spot enforces it is open question 6.
        if (state.answers().names() == SpotAnswers.Names.REFUSED && name.chars().noneMatch(Character::isLetter)) {
            throw Validation.invalid("body.account.name", "name", Invented.NAME_NEEDS_LETTER);
        }
        return name;
    }
}
