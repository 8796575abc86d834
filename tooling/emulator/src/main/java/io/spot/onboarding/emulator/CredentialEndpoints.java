package io.spot.onboarding.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

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

    /**
     * E6. Every call mints a new ID. What it does to the earlier ones is open question 7: see
     * {@link SpotAnswers.ExternalIds}.
     */
    private ApiResponse createExternalId(ApiRequest request) {
        String accountId = request.requiredQuery("accountId");
        String externalId = Ids.externalId();
        Instant validUntil = state.now().plus(Invented.EXTERNAL_ID_TTL);
        state.withAccount(accountId, account -> {
                    account.issueExternalId(externalId, validUntil);
                    return account;
                })
                .orElseThrow(() -> SpotApiException.accountNotFound(accountId));
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("externalId", externalId);
        item.put("maxValidUntil", Timestamps.format(validUntil));
        return ApiResponse.items(Wire.EXTERNAL_ID_KIND, List.of(item));
    }

    /**
     * E7. Spot proves the role by assuming it with an external ID of the account, so a role IAM has
     * not propagated yet fails, and so does one whose trust admits no ID Spot accepts for the account
     * now ({@link Account#acceptedExternalIds}). The propagation clock starts when a set-credentials
     * call first names the ARN, which stands in for the moment the role was created. A role whose
     * trust nobody told the emulator is taken to trust the newest ID.
     */
    private ApiResponse setCredentials(ApiRequest request) {
        String accountId = request.requiredQuery("accountId");
        String roleArn = Validation.requiredBodyString(request.json(), "credentials", "iamRole");
        String awsAccountId = IamRoleArn.awsAccountIdOf(roleArn)
                .orElseThrow(() -> Validation.invalid("body.credentials.iamRole", "iamRole", Invented.NOT_A_ROLE_ARN));
        boolean propagated = isPropagated(roleArn);
        SpotAnswers.ExternalIds answer = state.answers().externalIds();
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
                    String externalId = trustedExternalId(account, roleArn, answer)
                            .orElseThrow(() -> SpotApiException.badRequest(
                                    Invented.CANT_ASSUME_ROLE, Invented.CANT_ASSUME_ROLE_MESSAGE.formatted(roleArn)));
                    account.linkRole(roleArn, awsAccountId, externalId);
                    return account;
                })
                .orElseThrow(() -> SpotApiException.accountNotFound(accountId));
        return ApiResponse.statusOnly();
    }

    /**
     * The accepted ID the role admits: the current link's when the role admits it (relinking changes
     * nothing Spot presents), else the newest, else any other.
     */
    private Optional<String> trustedExternalId(Account account, String roleArn, SpotAnswers.ExternalIds answer) {
        if (state.knownTrust(roleArn).isEmpty()) {
            state.assumeTrust(account.id, roleArn, account.externalId());
        }
        RoleTrust trust = state.trustFor(account.id, roleArn);
        Set<String> accepted = account.acceptedExternalIds(answer, state.now());
        return Stream.of(account.linkedExternalId(), account.externalId())
                .filter(id -> id != null && accepted.contains(id) && trust.admits(id))
                .findFirst()
                .or(() -> accepted.stream().filter(trust::admits).sorted().findFirst());
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
