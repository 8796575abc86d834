package io.spot.onboarding.emulator;

import static io.spot.onboarding.emulator.AccountEndpointsTest.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class CredentialEndpointsTest extends EmulatorTest {

    @Test
    void externalIdIsMintedWithAnExpiry() {
        String accountId = createAccount("a");

        Reply reply = http.post("/setup/credentials/aws/externalId?accountId=" + accountId, null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("kind").asText()).isEqualTo(Wire.EXTERNAL_ID_KIND);
        String externalId = reply.item().path("externalId").asText();
        assertThat(externalId).matches("spotinst:aws:extid:[a-z0-9]{16}");
        assertThat(Instant.parse(reply.item().path("maxValidUntil").asText()))
                .isEqualTo(START.plus(Invented.EXTERNAL_ID_TTL));
        assertThat(state().account(accountId).orElseThrow().externalId()).isEqualTo(externalId);
    }

    @Test
    void everyExternalIdCallMintsANewOne() {
        String accountId = createAccount("a");

        String first = mintExternalId(accountId);
        String second = mintExternalId(accountId);

        assertThat(first).isNotEqualTo(second);
        assertThat(state().account(accountId).orElseThrow().externalId()).isEqualTo(second);
    }

    @Test
    void accountIdQueryIsRequiredWithSpotsExactError() {
        String body = "{\"credentials\":{\"iamRole\":\"" + ROLE_ARN + "\"}}";

        for (Reply reply : new Reply[] {
            http.post("/setup/credentials/aws/externalId", null),
            http.post("/setup/credentials/aws", body),
            http.get("/setup/credentials/aws")
        }) {
            assertValidationError(reply, "query.accountId", "\"accountId\" is required");
        }
    }

    @Test
    void unknownAccountIsAccountDoesntExist() {
        String query = "?accountId=act-00000000";
        assertThat(http.post("/setup/credentials/aws/externalId" + query, null).errorCode())
                .isEqualTo(Wire.ACCOUNT_DOESNT_EXIST);
        assertThat(setCredentials("act-00000000", ROLE_ARN).errorCode()).isEqualTo(Wire.ACCOUNT_DOESNT_EXIST);
        Reply read = http.get("/setup/credentials/aws" + query);
        assertThat(read.status()).isEqualTo(400);
        assertThat(read.errorCode()).isEqualTo(Wire.ACCOUNT_DOESNT_EXIST);
    }

    @Test
    void setCredentialsLinksTheAccount() {
        String accountId = createAccount("a");
        mintExternalId(accountId);

        Reply reply = setCredentials(accountId, ROLE_ARN);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().has("items")).isFalse();
        SpotAccountRecord account = state().account(accountId).orElseThrow();
        assertThat(account.iamRole()).isEqualTo(ROLE_ARN);
        assertThat(account.providerExternalId()).isEqualTo("123456789012");
        assertThat(account.cloudProvider()).isEqualTo("AWS");
    }

    @Test
    void setCredentialsAgainRelinksToAnotherRole() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        String otherRole = "arn:aws:iam::210987654321:role/service-role/SpotRole2";

        assertThat(setCredentials(accountId, otherRole).status()).isEqualTo(200);

        assertThat(state().account(accountId).orElseThrow().providerExternalId())
                .isEqualTo("210987654321");
    }

    @Test
    void setCredentialsValidatesTheRoleArn() {
        String accountId = createAccount("a");
        mintExternalId(accountId);
        String query = "/setup/credentials/aws?accountId=" + accountId;

        assertValidationError(
                http.post(query, "{\"credentials\":{}}"), "body.credentials.iamRole", "\"iamRole\" is required");
        assertValidationError(http.post(query, "{}"), "body.credentials", "\"credentials\" is required");
        for (String notARole : new String[] {
            "SpotRole", "arn:aws:iam::123:role/SpotRole", "arn:aws:iam::123456789012:user/bob", "arn:aws:s3:::bucket"
        }) {
            Reply reply = setCredentials(accountId, notARole);
            assertThat(reply.errorCode()).as(notARole).isEqualTo(Wire.VALIDATION_ERROR);
            assertThat(reply.error().path("field").asText()).isEqualTo("body.credentials.iamRole");
        }
        assertThat(state().account(accountId).orElseThrow().iamRole()).isNull();
    }

    @Test
    void setCredentialsNeedsAnExternalIdFirst() {
        String accountId = createAccount("a");

        Reply reply = setCredentials(accountId, ROLE_ARN);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(Invented.EXTERNAL_ID_MISSING);
        assertThat(state().account(accountId).orElseThrow().iamRole()).isNull();
    }

    @Test
    void aRoleIsNotAssumableUntilIamHasPropagated() {
        faults().iamPropagationDelay(Duration.ofSeconds(10));
        String accountId = createAccount("a");
        mintExternalId(accountId);

        Reply early = setCredentials(accountId, ROLE_ARN);
        clock.advance(Duration.ofSeconds(9));
        Reply stillEarly = setCredentials(accountId, ROLE_ARN);
        clock.advance(Duration.ofSeconds(1));
        Reply propagated = setCredentials(accountId, ROLE_ARN);

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
        assertThat(early.error().path("message").asText()).startsWith("Failed to assume role " + ROLE_ARN);
        assertThat(stillEarly.errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
        assertThat(propagated.status()).isEqualTo(200);
        assertThat(state().account(accountId).orElseThrow().iamRole()).isEqualTo(ROLE_ARN);
    }

    @Test
    void aForeverDelayNeverPropagates() {
        faults().iamPropagationDelay(ChronoUnit.FOREVER.getDuration());
        String accountId = createAccount("a");
        mintExternalId(accountId);
        setCredentials(accountId, ROLE_ARN);

        clock.advance(Duration.ofDays(3650));

        assertThat(setCredentials(accountId, ROLE_ARN).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
    }

    @Test
    void readCredentialsIsEmptyUntilLinked() {
        String accountId = createAccount("a");

        Reply before = http.get("/setup/credentials/aws?accountId=" + accountId);
        mintExternalId(accountId);
        setCredentials(accountId, ROLE_ARN);
        Reply after = http.get("/setup/credentials/aws?accountId=" + accountId);

        assertThat(before.status()).isEqualTo(200);
        assertThat(before.items()).isEmpty();
        assertThat(before.response().path("count").asInt()).isZero();
        assertThat(after.items()).hasSize(1);
        assertThat(after.item().path("iamRole").asText()).isEqualTo(ROLE_ARN);
        assertThat(after.item().path("accountId").asText()).isEqualTo(accountId);
    }
}
