package io.spot.onboarding.emulator;

import static io.spot.onboarding.emulator.AccountEndpointsTest.assertValidationError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostIntelligenceEndpointsTest extends EmulatorTest {

    private static final String CI = "/cbi/v1/setup/account";
    private static final String VALIDATION = "/cbi/v1/setup/account/validation";

    @Test
    void enrollAnswersWithTheRegisteredAccount() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        clock.advance(Duration.ofMinutes(1));

        Reply reply = http.post(CI, accountBody(accountId));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("kind").asText()).isEqualTo(Wire.CI_ACCOUNT_KIND);
        JsonNode item = reply.item();
        assertThat(item.path("organizationId").asText()).isEqualTo(ORG_ID);
        assertThat(item.path("accountId").asText()).isEqualTo(accountId);
        assertThat(item.path("providerName").asText()).isEqualTo("aws");
        assertThat(item.path("externalProviderId").asText()).isEqualTo("123456789012");
        assertThat(item.path("enabledDate").asText()).isEqualTo("2025-01-15T10:01:00.000Z");
        assertThat(item.path("updatedDate").asText()).isEqualTo("2025-01-15T10:01:00.000Z");
        assertThat(state().isCostIntelligenceEnrolled(accountId)).isTrue();
        assertThat(state().account(accountId).orElseThrow().ciEnabledDate()).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void enrollingAgainKeepsTheFirstEnabledDate() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        String first =
                http.post(CI, accountBody(accountId)).item().path("enabledDate").asText();
        clock.advance(Duration.ofHours(1));

        Reply again = http.post(CI, accountBody(accountId));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.item().path("enabledDate").asText()).isEqualTo(first);
    }

    @Test
    void enrollRequiresLinkedCredentials() {
        String accountId = createAccount("a");

        Reply reply = http.post(CI, accountBody(accountId));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo(Invented.CI_CREDENTIALS_REQUIRED);
        assertThat(reply.error().path("message").asText()).contains("credentials");
        assertThat(state().isCostIntelligenceEnrolled(accountId)).isFalse();
    }

    @Test
    void unknownAccountIsNotFoundWith404() {
        for (Reply reply : new Reply[] {
            http.post(CI, accountBody("act-00000000")), http.post(VALIDATION, accountBody("act-00000000"))
        }) {
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.response().path("status").path("message").asText()).isEqualTo("Not Found");
            assertThat(reply.errorCode()).isEqualTo(Invented.CI_ACCOUNT_NOT_FOUND);
        }
    }

    @Test
    void accountIdIsRequiredInTheBody() {
        assertValidationError(http.post(CI, "{\"account\":{}}"), "body.account.accountId", "\"accountId\" is required");
        assertValidationError(http.post(VALIDATION, "{}"), "body.account", "\"account\" is required");
    }

    @Test
    void listShowsStatusAndPaginationInfo() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        http.post(CI, accountBody(accountId));

        Reply reply = http.get(CI);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().path("kind").asText()).isEqualTo(Wire.CI_ACCOUNT_KIND);
        assertThat(reply.response().path("count").asInt()).isEqualTo(1);
        JsonNode pagination = reply.response().path("paginationInfo");
        assertThat(pagination.path("totalCount").asInt()).isEqualTo(1);
        assertThat(pagination.has("nextKey")).isTrue();
        assertThat(pagination.path("nextKey").isNull()).isTrue();
        assertThat(pagination.path("previousKey").isNull()).isTrue();
        JsonNode item = reply.item();
        assertThat(item.path("accountId").asText()).isEqualTo(accountId);
        assertThat(item.path("providerName").asText()).isEqualTo("aws");
        assertThat(item.path("statusSummary").asText()).isEqualTo("connected");
        JsonNode status = item.path("status").path(0);
        assertThat(status.path("productOffering").asText()).isEqualTo("cbi");
        assertThat(status.path("statistics").path("failedResourceTypes").isArray())
                .isTrue();
        assertThat(status.has("statusTimestamp")).isTrue();
    }

    @Test
    void listPagesForwardAndBackInEnrollmentOrder() {
        List<String> enrolled = enrollAccounts(5);

        Reply first = http.get(CI + "?paginationSize=2");
        String nextKey = first.response().path("paginationInfo").path("nextKey").asText();
        Reply second = http.get(CI + "?paginationSize=2&paginationKey=" + nextKey);
        String thirdKey =
                second.response().path("paginationInfo").path("nextKey").asText();
        Reply third = http.get(CI + "?paginationSize=2&paginationKey=" + thirdKey);
        String backKey =
                third.response().path("paginationInfo").path("previousKey").asText();
        Reply back = http.get(CI + "?paginationSize=2&paginationKey=" + backKey);
        String firstAgainKey =
                second.response().path("paginationInfo").path("previousKey").asText();
        Reply firstAgain = http.get(CI + "?paginationSize=2&paginationKey=" + firstAgainKey);

        assertThat(ids(first)).isEqualTo(enrolled.subList(0, 2));
        assertThat(ids(second)).isEqualTo(enrolled.subList(2, 4));
        assertThat(ids(third)).isEqualTo(enrolled.subList(4, 5));
        assertThat(third.response().path("paginationInfo").path("nextKey").isNull())
                .isTrue();
        assertThat(third.response().path("paginationInfo").path("totalCount").asInt())
                .isEqualTo(5);
        assertThat(ids(back)).isEqualTo(ids(second));
        assertThat(ids(firstAgain)).isEqualTo(ids(first));
    }

    @Test
    void enrollmentsAtTheSameInstantAreOrderedByAccountId() {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            accounts.add(createLinkedAccount("same-" + i, ROLE_ARN));
        }
        accounts.forEach(id -> http.post(CI, accountBody(id)));

        assertThat(ids(http.get(CI))).isEqualTo(accounts.stream().sorted().toList());
    }

    @Test
    void aKeyStaysValidWhenAccountsComeAndGo() {
        List<String> enrolled = enrollAccounts(4);
        Reply first = http.get(CI + "?paginationSize=2");
        http.delete("/setup/account/" + enrolled.get(0));
        List<String> later = enrollAccounts(1);

        Reply second = http.get(CI + "?paginationSize=2&paginationKey="
                + first.response().path("paginationInfo").path("nextKey").asText());

        assertThat(ids(second)).isEqualTo(enrolled.subList(2, 4));
        assertThat(second.response().path("paginationInfo").path("nextKey").isNull())
                .isFalse();
        assertThat(later).hasSize(1);
    }

    @Test
    void defaultPageSizeComesFromFaults() {
        enrollAccounts(3);
        faults().ciPageSize(2);

        Reply reply = http.get(CI);

        assertThat(reply.items()).hasSize(2);
        assertThat(reply.response().path("paginationInfo").path("nextKey").isNull())
                .isFalse();
    }

    @Test
    void badPaginationParametersAreValidationErrors() {
        assertThat(http.get(CI + "?paginationSize=abc").error().path("field").asText())
                .isEqualTo("query.paginationSize");
        assertThat(http.get(CI + "?paginationSize=0").errorCode()).isEqualTo(Wire.VALIDATION_ERROR);
        assertThat(http.get(CI + "?paginationKey=!!!").error().path("field").asText())
                .isEqualTo("query.paginationKey");
        assertThat(http.get(CI + "?paginationKey=bm9wZQ").errorCode()).isEqualTo(Wire.VALIDATION_ERROR);
    }

    @Test
    void validationFailsTheCredentialsCheckOfAnUnlinkedAccount() {
        String unlinked = createAccount("a");
        String linked = createLinkedAccount("b", ROLE_ARN);

        Reply forUnlinked = http.post(VALIDATION, accountBody(unlinked));
        Reply forLinked = http.post(VALIDATION, accountBody(linked));

        assertThat(forUnlinked.status()).isEqualTo(200);
        assertThat(forUnlinked.response().path("kind").asText()).isEqualTo(Wire.CI_VALIDATION_KIND);
        assertThat(statusById(forUnlinked))
                .containsEntry("credentials", "failed")
                .containsValue("success");
        assertThat(statusById(forLinked))
                .allSatisfy((id, status) -> assertThat(status).isEqualTo("success"))
                .containsKey("credentials");
        JsonNode check = forLinked.item();
        assertThat(check.has("description")).isTrue();
        assertThat(check.has("validationInfo")).isTrue();
        assertThat(check.path("validationInfoDetails").isObject()).isTrue();
    }

    @Test
    void validationResultCanBeOverridden() {
        String accountId = createLinkedAccount("a", ROLE_ARN);
        faults().ciValidationResult(
                        accountId,
                        List.of(Map.of(
                                "id",
                                "billing",
                                "description",
                                "CUR present",
                                "status",
                                "warning",
                                "validationInfo",
                                "no CUR yet",
                                "validationInfoDetails",
                                Map.of("bucket", "none"))));

        Reply reply = http.post(VALIDATION, accountBody(accountId));

        assertThat(reply.items()).hasSize(1);
        assertThat(reply.item().path("status").asText()).isEqualTo("warning");
        assertThat(reply.item().path("validationInfoDetails").path("bucket").asText())
                .isEqualTo("none");
    }

    private List<String> enrollAccounts(int count) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String accountId = createLinkedAccount("ci-" + i, "arn:aws:iam::12345678901" + i + ":role/Spot");
            clock.advance(Duration.ofSeconds(1));
            http.post(CI, accountBody(accountId));
            accounts.add(accountId);
        }
        return accounts;
    }

    private static List<String> ids(Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.items().forEach(item -> ids.add(item.path("accountId").asText()));
        return ids;
    }

    private static Map<String, String> statusById(Reply reply) {
        Map<String, String> statuses = new LinkedHashMap<>();
        reply.items()
                .forEach(item -> statuses.put(
                        item.path("id").asText(), item.path("status").asText()));
        return statuses;
    }
}
