package io.spot.onboarding.common.api;

import java.util.List;
import java.util.Optional;

/**
 * The Spot API calls the onboarding types use (docs/spot-api.md E1 to E12). Every method throws a
 * {@link SpotApiException} subclass on failure; none retries, because whether a retry is safe
 * is the caller's decision (a dropped response to a write may hide a write that happened).
 */
public interface SpotApi {

    /** E1 without a filter: every account of the organization (needs an organization admin token). */
    AccountListing listAccounts();

    /** E1 with {@code cloudAccountId}: the Spot accounts linked to that AWS account. */
    List<SpotAccount> findAccountsByCloudAccount(String awsAccountId);

    /** E3: one account; {@link SpotNotFoundException} when it does not exist. */
    SpotAccount getAccount(String accountId);

    /** E2. */
    SpotAccount createAccount(String name);

    /** E4. */
    void renameAccount(String accountId, String name);

    /** E5. */
    void deleteAccount(String accountId);

    /** E6: mints a new external ID; Spot then expects it when the role is linked. */
    ExternalId createExternalId(String accountId);

    /** E7: links (or relinks) the account to the role; fails while Spot cannot assume it. */
    void linkRole(String accountId, String roleArn);

    /** E8: the linked role, empty when the account has none. */
    Optional<RoleLink> linkedRole(String accountId);

    /** E12: Cost Intelligence pre-flight checks. */
    List<ValidationCheck> validateCostIntelligence(String accountId);

    /** E10. */
    CostIntelligenceAccount enrollCostIntelligence(String accountId);

    /** E11: one page; pass the previous page's {@code nextKey}, or null for the first. */
    Page<CostIntelligenceAccount> listCostIntelligenceAccounts(String paginationKey, Integer pageSize);

    /**
     * The rate-limit headers of this client's last answer from a route ({@code "GET"}, {@code "/setup/account"}),
     * if Spot sent them.
     */
    default Optional<RouteWindow> lastWindow(String method, String path) {
        return Optional.empty();
    }
}
