package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccountEndpointsTest extends EmulatorTest {

    @Test
    void listShowsTheDefaultAccountInSpotsItemShape() {
        Reply reply = http.get("/setup/account");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("kind").asText()).isEqualTo(Wire.ACCOUNT_KIND);
        assertThat(reply.response().path("count").asInt()).isEqualTo(1);
        JsonNode item = reply.item();
        assertThat(item.path("accountId").asText())
                .isEqualTo(state().defaultAccountId())
                .matches("act-[0-9a-f]{8}");
        assertThat(item.path("name").asText()).isEqualTo(Invented.DEFAULT_ACCOUNT_NAME);
        assertThat(item.path("organizationId").isTextual()).isTrue();
        assertThat(item.path("organizationId").asText()).isEqualTo(ORG_ID);
        assertThat(item.has("providerExternalId")).isTrue();
        assertThat(item.path("providerExternalId").isNull()).isTrue();
        assertThat(item.path("cloudProvider").isNull()).isTrue();
        assertThat(item.path("createdAt").asText()).isEqualTo("2025-01-15T10:00:00.000Z");
    }

    @Test
    void listFiltersByLinkedAwsAccount() {
        String linked = createLinkedAccount("linked", ROLE_ARN);
        createAccount("unlinked");

        Reply reply = http.get("/setup/account?cloudAccountId=123456789012");
        Reply none = http.get("/setup/account?cloudAccountId=999999999999");

        assertThat(reply.items()).hasSize(1);
        assertThat(reply.item().path("accountId").asText()).isEqualTo(linked);
        assertThat(reply.item().path("providerExternalId").asText()).isEqualTo("123456789012");
        assertThat(reply.item().path("cloudProvider").asText()).isEqualTo(Invented.CLOUD_PROVIDER_AWS);
        assertThat(none.items()).isEmpty();
        assertThat(none.response().path("count").asInt()).isZero();
        assertThat(http.get("/setup/account").items()).hasSize(3);
    }

    @Test
    void createAnswersWithIdNotAccountId() {
        clock.advance(Duration.ofMinutes(5));

        Reply reply = http.post("/setup/account", "{\"account\":{\"name\":\"prod\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("kind").asText()).isEqualTo(Wire.ACCOUNT_KIND);
        JsonNode item = reply.item();
        assertThat(item.path("id").asText()).matches("act-[0-9a-f]{8}");
        assertThat(item.has("accountId")).isFalse();
        assertThat(item.path("name").asText()).isEqualTo("prod");
        assertThat(item.path("organizationId").asText()).isEqualTo(ORG_ID);
        SpotAccountRecord record = state().account(item.path("id").asText()).orElseThrow();
        assertThat(record.createdAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
    }

    @Test
    void createAcceptsDigitsOnlyAndDuplicateNames() {
        String first = createAccount("123456789012");
        String second = createAccount("123456789012");

        assertThat(first).isNotEqualTo(second);
        assertThat(state().accounts())
                .filteredOn(a -> a.name().equals("123456789012"))
                .hasSize(2);
    }

    @Test
    void createValidatesTheName() {
        assertValidationError(
                http.post("/setup/account", "{\"account\":{\"name\":\"\"}}"),
                "body.account.name",
                "\"name\" is not allowed to be empty");
        assertValidationError(
                http.post("/setup/account", "{\"account\":{}}"), "body.account.name", "\"name\" is required");
        assertValidationError(http.post("/setup/account", "{}"), "body.account", "\"account\" is required");
        assertValidationError(
                http.post("/setup/account", "{\"account\":{\"name\":42}}"),
                "body.account.name",
                "\"name\" must be a string");
        Reply tooLong = http.post("/setup/account", "{\"account\":{\"name\":\"" + "x".repeat(101) + "\"}}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.error().path("field").asText()).isEqualTo("body.account.name");
        assertThat(http.post("/setup/account", "{\"account\":{\"name\":\"" + "x".repeat(100) + "\"}}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void createStopsAtTheAccountLimit() {
        faults().accountLimit(2);
        createAccount("second");

        Reply reply = http.post("/setup/account", "{\"account\":{\"name\":\"third\"}}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(Invented.ACCOUNT_LIMIT_EXCEEDED);
        assertThat(reply.response().path("status").path("message").asText()).isEqualTo("Bad Request");
        assertThat(state().accounts()).hasSize(2);
    }

    @Test
    void getReturnsOneAccountLikeTheList() {
        String accountId = createLinkedAccount("one", ROLE_ARN);

        Reply reply = http.get("/setup/account/" + accountId);

        assertThat(reply.items()).hasSize(1);
        assertThat(reply.item())
                .isEqualTo(
                        http.get("/setup/account?cloudAccountId=123456789012").item());
    }

    @Test
    void unknownAccountIsAccountDoesntExistWith400() {
        for (Reply reply : new Reply[] {
            http.get("/setup/account/act-00000000"),
            http.put("/setup/account/act-00000000", "{\"account\":{\"name\":\"n\"}}"),
            http.delete("/setup/account/act-00000000")
        }) {
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.errorCode()).isEqualTo(Wire.ACCOUNT_DOESNT_EXIST);
            assertThat(reply.error().path("message").asText()).contains("act-00000000");
            assertThat(reply.response().path("kind").asText()).isEqualTo(Wire.ACCOUNT_KIND);
        }
    }

    @Test
    void updateRenamesWithAStatusOnlyAnswer() {
        String accountId = createAccount("old");

        Reply reply = http.put("/setup/account/" + accountId, "{\"account\":{\"name\":\"my-alias\"}}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("status").path("code").asInt()).isEqualTo(200);
        assertThat(reply.response().has("items")).isFalse();
        assertThat(reply.response().has("kind")).isFalse();
        assertThat(state().account(accountId).orElseThrow().name()).isEqualTo("my-alias");
    }

    @Test
    void updateRejectsEmptyOrNullName() {
        String accountId = createAccount("old");

        assertValidationError(
                http.put("/setup/account/" + accountId, "{\"account\":{\"name\":\"\"}}"),
                "body.account.name",
                "\"name\" is not allowed to be empty");
        assertValidationError(
                http.put("/setup/account/" + accountId, "{\"account\":{\"name\":null}}"),
                "body.account.name",
                "\"name\" is required");
        assertThat(state().account(accountId).orElseThrow().name()).isEqualTo("old");
    }

    @Test
    void deleteRemovesTheAccountAndItsCostIntelligence() {
        String accountId = createLinkedAccount("doomed", ROLE_ARN);
        http.post("/cbi/v1/setup/account", accountBody(accountId));

        Reply reply = http.delete("/setup/account/" + accountId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().has("items")).isFalse();
        assertThat(state().account(accountId)).isEmpty();
        assertThat(state().isCostIntelligenceEnrolled(accountId)).isFalse();
        assertThat(http.get("/cbi/v1/setup/account").items()).isEmpty();
        assertThat(http.delete("/setup/account/" + accountId).errorCode()).isEqualTo(Wire.ACCOUNT_DOESNT_EXIST);
    }

    @Test
    void theDefaultAccountCannotBeDeleted() {
        Reply reply = http.delete("/setup/account/" + state().defaultAccountId());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(Invented.CANT_DELETE_DEFAULT_ACCOUNT);
        assertThat(state().account(state().defaultAccountId())).isPresent();
    }

    static void assertValidationError(Reply reply, String field, String message) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.response().path("status").path("message").asText()).isEqualTo("Bad Request");
        assertThat(reply.errorCode()).isEqualTo(Wire.VALIDATION_ERROR);
        assertThat(reply.error().path("field").asText()).isEqualTo(field);
        assertThat(reply.error().path("message").asText()).isEqualTo(message);
        assertThat(reply.response().path("count").asInt()).isEqualTo(1);
    }
}
