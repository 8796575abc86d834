package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.util.RawValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** E10-E12: Cost Intelligence enrollment. */
final class CostIntelligenceEndpoints {

    private static final String SUCCESS = "success";
    private static final String FAILED = "failed";

    private final EmulatorState state;
    private final Faults faults;

    CostIntelligenceEndpoints(EmulatorState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    Map<Route, Endpoint> endpoints() {
        return Map.of(
                Route.ENROLL_COST_INTELLIGENCE, withOrganization(this::enroll),
                Route.LIST_COST_INTELLIGENCE, withOrganization(this::list),
                Route.VALIDATE_COST_INTELLIGENCE, withOrganization(this::validate));
    }

    /**
     * Under {@link SpotAnswers.OrganizationHeader#REQUIRED}, a call without the token's organization in
     * {@code Spotinst-Organization-ID} is refused before anything else, as route-level validation does.
     */
    private Endpoint withOrganization(Endpoint endpoint) {
        return request -> {
            if (state.answers().organizationHeader() == SpotAnswers.OrganizationHeader.REQUIRED) {
                String sent = request.organizationId()
                        .orElseThrow(() -> Validation.invalid(
                                Invented.ORGANIZATION_HEADER_FIELD,
                                Invented.ORGANIZATION_HEADER_NAME,
                                Wire.IS_REQUIRED));
                if (!sent.equals(state.organizationId())) {
                    throw Validation.invalid(
                            Invented.ORGANIZATION_HEADER_FIELD,
                            Invented.ORGANIZATION_HEADER_NAME,
                            Invented.ORGANIZATION_HEADER_WRONG);
                }
            }
            return endpoint.handle(request);
        };
    }

    /** E10. Spot requires linked credentials first; enrolling again is a no-op (see Account). */
    private ApiResponse enroll(ApiRequest request) {
        String accountId = requestedAccountId(request);
        SpotAccountRecord enrolled = state.withAccount(accountId, account -> {
                    if (account.iamRole() == null) {
                        throw SpotApiException.badRequest(
                                Invented.CI_CREDENTIALS_REQUIRED,
                                Invented.CI_CREDENTIALS_REQUIRED_MESSAGE.formatted(accountId));
                    }
                    account.enrollCostIntelligence(state.now());
                    return account.snapshot(state.organizationId());
                })
                .orElseThrow(() -> notFound(accountId));
        return ApiResponse.items(Wire.CI_ACCOUNT_KIND, List.of(AccountItems.registeredAccount(enrolled)));
    }

    /** E11. Paginated by an opaque key; see {@link CostIntelligencePages}. */
    private ApiResponse list(ApiRequest request) {
        EndlessCostIntelligenceList.Pages endless = faults.ciEndless();
        CostIntelligencePages.Rules rules = faults.ciPaging();
        // The page is cut and its items rendered under the state's lock: the enrolled list is live.
        CostIntelligencePages.Page<RawValue> page = state.withEnrolled(enrolled -> {
            CostIntelligencePages.Page<Account> accounts = endless == null
                    ? CostIntelligencePages.of(enrolled, request, rules)
                    : EndlessCostIntelligenceList.serve(request, endless, enrolled, rules);
            List<RawValue> items = accounts.items().stream()
                    .map(account -> account.costIntelligenceItem(state.organizationId()))
                    .toList();
            return new CostIntelligencePages.Page<>(items, accounts.info());
        });
        return ApiResponse.page(Wire.CI_ACCOUNT_KIND, page.items(), page.info());
    }

    /** E12. Default checks all pass except "credentials" on an unlinked account. */
    private ApiResponse validate(ApiRequest request) {
        String accountId = requestedAccountId(request);
        SpotAccountRecord account = state.account(accountId).orElseThrow(() -> notFound(accountId));
        List<Map<String, Object>> items = faults.ciValidationResult(accountId).orElseGet(() -> defaultChecks(account));
        return ApiResponse.items(Wire.CI_VALIDATION_KIND, items);
    }

    private static String requestedAccountId(ApiRequest request) {
        return Validation.requiredBodyString(request.json(), "account", "accountId");
    }

    private static SpotApiException notFound(String accountId) {
        return new SpotApiException(
                HttpStatus.NOT_FOUND,
                Invented.CI_ACCOUNT_NOT_FOUND,
                Invented.ACCOUNT_DOESNT_EXIST_MESSAGE.formatted(accountId),
                null);
    }

    private static List<Map<String, Object>> defaultChecks(SpotAccountRecord account) {
        return List.of(
                check(
                        Invented.CHECK_SPOT_ACCOUNT,
                        Invented.CHECK_SPOT_ACCOUNT_DESCRIPTION,
                        SUCCESS,
                        account.accountId()),
                account.isLinked()
                        ? check(
                                Invented.CHECK_CREDENTIALS,
                                Invented.CHECK_CREDENTIALS_DESCRIPTION,
                                SUCCESS,
                                account.iamRole())
                        : check(
                                Invented.CHECK_CREDENTIALS,
                                Invented.CHECK_CREDENTIALS_DESCRIPTION,
                                FAILED,
                                Invented.CHECK_CREDENTIALS_MISSING),
                check(Invented.CHECK_PERMISSIONS, Invented.CHECK_PERMISSIONS_DESCRIPTION, SUCCESS, ""));
    }

    private static Map<String, Object> check(String id, String description, String status, String info) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("description", description);
        item.put("status", status);
        item.put("validationInfo", info);
        item.put("validationInfoDetails", Map.of());
        return item;
    }
}
