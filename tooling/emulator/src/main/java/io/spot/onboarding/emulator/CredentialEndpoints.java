package io.spot.onboarding.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** E6-E8: external IDs and the IAM role Spot assumes. */
final class CredentialEndpoints {

    private final EmulatorState state;
    private final Faults faults;

    CredentialEndpoints(EmulatorState state, Faults faults) {
        this.state = state;
        this.faults = faults;
    }

    Map<Route, Endpoint> endpoints() {
        return Map.of(
                Route.CREATE_EXTERNAL_ID, this::createExternalId,
                Route.SET_CREDENTIALS, this::setCredentials,
                Route.GET_CREDENTIALS, this::getCredentials);
    }

    /** E6. Every call mints a new ID; the last one is what set-credentials expects. */
    private ApiResponse createExternalId(ApiRequest request) {
        String accountId = request.requiredQuery("accountId");
        String externalId = Ids.externalId();
        Instant validUntil = state.now().plus(Invented.EXTERNAL_ID_TTL);
        state.withAccount(accountId, account -> {
                    account.issueExternalId(externalId);
                    return account;
                })
                .orElseThrow(() -> SpotApiException.accountNotFound(accountId));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("externalId", externalId);
        item.put("maxValidUntil", Timestamps.format(validUntil));
        return ApiResponse.items(Wire.EXTERNAL_ID_KIND, List.of(item));
    }

    /**
     * E7. Spot proves the role by assuming it, so a role IAM has not propagated yet fails. The
     * propagation clock starts when a set-credentials call first names the ARN, which stands in
     * for the moment the role was created.
     */
    private ApiResponse setCredentials(ApiRequest request) {
        String accountId = request.requiredQuery("accountId");
        String roleArn = Validation.requiredBodyString(request.json(), "credentials", "iamRole");
        String awsAccountId = IamRoleArn.awsAccountIdOf(roleArn)
                .orElseThrow(() -> Validation.invalid("body.credentials.iamRole", "iamRole", Invented.NOT_A_ROLE_ARN));
        boolean propagated = isPropagated(roleArn);
        state.withAccount(accountId, account -> {
                    if (account.externalId() == null) {
                        throw SpotApiException.badRequest(
                                Invented.EXTERNAL_ID_MISSING,
                                Invented.EXTERNAL_ID_MISSING_MESSAGE.formatted(accountId));
                    }
                    if (!propagated) {
                        throw SpotApiException.badRequest(
                                Invented.CANT_ASSUME_ROLE, Invented.CANT_ASSUME_ROLE_MESSAGE.formatted(roleArn));
                    }
                    account.linkRole(roleArn, awsAccountId);
                    return account;
                })
                .orElseThrow(() -> SpotApiException.accountNotFound(accountId));
        return ApiResponse.statusOnly();
    }

    // [U] invented: an account without credentials answers 200 with no items (open question 3).
    /** E8. */
    private ApiResponse getCredentials(ApiRequest request) {
        String accountId = request.requiredQuery("accountId");
        SpotAccountRecord account =
                state.account(accountId).orElseThrow(() -> SpotApiException.accountNotFound(accountId));
        if (!account.isLinked()) {
            return ApiResponse.items(Invented.CREDENTIALS_KIND, List.of());
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("iamRole", account.iamRole());
        item.put("accountId", account.accountId());
        return ApiResponse.items(Invented.CREDENTIALS_KIND, List.of(item));
    }

    private boolean isPropagated(String roleArn) {
        Instant firstSeen = state.roleFirstSeen(roleArn);
        // Comparing durations, not Instants, keeps a "forever" delay from overflowing.
        return Duration.between(firstSeen, state.now()).compareTo(faults.iamPropagationDelay()) >= 0;
    }
}
