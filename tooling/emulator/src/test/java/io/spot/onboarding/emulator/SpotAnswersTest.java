package io.spot.onboarding.emulator;

import static io.spot.onboarding.emulator.AccountEndpointsTest.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each answer to Spot's open questions 6, 7 and 13, as an option of the emulator. */
class SpotAnswersTest extends EmulatorTest {

    private static final String OLD_ROLE = "arn:aws:iam::123456789012:role/OldRole";
    private static final String NEW_ROLE = "arn:aws:iam::123456789012:role/NewRole";

    private String linkedToOldRole() {
        String accountId = state().seedAccount("production", Duration.ofDays(400), OLD_ROLE)
                .accountId();
        String oldId = state().account(accountId).orElseThrow().linkedExternalId();
        state().roleTrust(OLD_ROLE, RoleTrust.of(oldId));
        return accountId;
    }

    private VisibleAccount visible(String accountId) {
        return state().visibleAccounts().stream()
                .filter(a -> a.accountId().equals(accountId))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void byDefaultANewExternalIdLeavesTheLinkedRoleReachableAndTheOldRoleLinkable() {
        String accountId = linkedToOldRole();
        VisibleAccount before = visible(accountId);

        String newId = mintExternalId(accountId);
        state().roleTrust(NEW_ROLE, RoleTrust.of(newId));

        assertThat(visible(accountId)).isEqualTo(before);
        assertThat(setCredentials(accountId, NEW_ROLE).status()).isEqualTo(200);
        assertThat(visible(accountId).externalId()).isEqualTo(newId);
        assertThat(setCredentials(accountId, OLD_ROLE).status()).isEqualTo(200);
        assertThat(visible(accountId)).isEqualTo(before);
    }

    @Test
    void whenANewExternalIdReplacesTheOldTheLinkedRoleIsUnreachableAndCannotBeLinkedAgain() {
        state().answers(SpotAnswers.DEFAULT.with(SpotAnswers.ExternalIds.REPLACES_OLD));
        String accountId = linkedToOldRole();
        assertThat(state().spotCanAssume(accountId)).isTrue();

        String newId = mintExternalId(accountId);

        assertThat(state().spotCanAssume(accountId)).isFalse();
        assertThat(visible(accountId).externalId()).isEqualTo(newId);
        assertThat(setCredentials(accountId, OLD_ROLE).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
        state().roleTrust(NEW_ROLE, RoleTrust.of(newId));
        assertThat(setCredentials(accountId, NEW_ROLE).status()).isEqualTo(200);
        assertThat(state().spotCanAssume(accountId)).isTrue();
        assertThat(setCredentials(accountId, OLD_ROLE).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
    }

    @Test
    void anEarlierIdNoLinkUsedIsAcceptedUntilItsMaxValidUntil() {
        String accountId = createAccount("a");
        String first = mintExternalId(accountId);
        mintExternalId(accountId);
        state().roleTrust(OLD_ROLE, RoleTrust.of(first));

        clock.advance(Invented.EXTERNAL_ID_TTL.plusSeconds(1));

        assertThat(setCredentials(accountId, OLD_ROLE).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
    }

    @Test
    void aRoleThatDoesNotTrustAnAcceptedIdOrIsDeletedIsRefusedOrUnreachable() {
        String accountId = createAccount("a");
        String id = mintExternalId(accountId);
        state().roleTrust(OLD_ROLE, RoleTrust.of("spotinst:aws:extid:someoneelse00"));
        assertThat(setCredentials(accountId, OLD_ROLE).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);

        state().roleTrust(NEW_ROLE, RoleTrust.of(id));
        assertThat(setCredentials(accountId, NEW_ROLE).status()).isEqualTo(200);
        state().roleDeleted(NEW_ROLE);

        assertThat(state().spotCanAssume(accountId)).isFalse();
    }

    @Test
    void aTrustPolicyAdmitsTheExternalIdsItsConditionNamesForSpotOnly() {
        String policy = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::922761411349:root"},"Action":"sts:AssumeRole",
               "Condition":{"StringEquals":{"sts:ExternalId":["a","b"]}}},
              {"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}]}""";

        RoleTrust trust = RoleTrust.parse(policy);

        assertThat(trust.admits("a")).isTrue();
        assertThat(trust.admits("b")).isTrue();
        assertThat(trust.admits("c")).isFalse();
        assertThat(RoleTrust.parse("""
                {"Statement":{"Effect":"Allow","Principal":{"AWS":"922761411349"},"Action":["sts:AssumeRole"]}}""").admits("anything")).isTrue();
    }

    @Test
    void namesWithoutALetterAreAcceptedByDefaultAndRefusedWhenSpotEnforcesItsRule() {
        assertThat(http.post("/setup/account", "{\"account\":{\"name\":\"123456789012\"}}")
                        .status())
                .isEqualTo(200);

        state().answers(SpotAnswers.DEFAULT.with(SpotAnswers.Names.REFUSED));
        String accountId = createAccount("cfn-pending-1");

        assertValidationError(
                http.post("/setup/account", "{\"account\":{\"name\":\"123456789012\"}}"),
                "body.account.name",
                "\"name\" must contain at least one letter");
        assertValidationError(
                http.put("/setup/account/" + accountId, "{\"account\":{\"name\":\"123-456\"}}"),
                "body.account.name",
                "\"name\" must contain at least one letter");
        assertThat(http.put("/setup/account/" + accountId, "{\"account\":{\"name\":\"aws-123456789012\"}}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theOrganizationHeaderIsOptionalByDefaultAndOtherwiseMustNameTheOrganization() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        assertThat(http.get("/cbi/v1/setup/account").status()).isEqualTo(200);

        state().answers(SpotAnswers.DEFAULT.with(SpotAnswers.OrganizationHeader.REQUIRED));

        for (Reply reply : new Reply[] {
            http.get("/cbi/v1/setup/account"),
            http.post("/cbi/v1/setup/account", accountBody(accountId)),
            http.post("/cbi/v1/setup/account/validation", accountBody(accountId))
        }) {
            assertValidationError(
                    reply, "headers.spotinst-organization-id", "\"spotinst-organization-id\" is required");
        }
        assertThat(http.withOrganization("1").get("/cbi/v1/setup/account").status())
                .isEqualTo(400);
        assertThat(http.withOrganization(ORG_ID)
                        .post("/cbi/v1/setup/account", accountBody(accountId))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theStandaloneEmulatorTakesEachAnswerAsAnOption() {
        SpotEmulator.Builder builder = Main.parse(new String[] {
            "--token",
            "t",
            "--new-external-id",
            "replaces-old",
            "--digits-only-names",
            "refused",
            "--organization-header",
            "required"
        });

        assertThat(builder.answers()).isEqualTo(SpotAnswers.STRICT);
        assertThat(Main.parse(new String[] {"--token", "t"}).answers()).isEqualTo(SpotAnswers.DEFAULT);
        assertThatThrownBy(() -> Main.parse(new String[] {"--new-external-id", "maybe"}))
                .hasMessage("--new-external-id takes keeps-old or replaces-old, got 'maybe'");
    }
}
