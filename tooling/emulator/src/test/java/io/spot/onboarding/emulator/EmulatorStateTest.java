package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EmulatorStateTest extends EmulatorTest {

    @Test
    void aFreshOrganizationHoldsOnlyItsDefaultAccount() {
        assertThat(state().organizationId()).isEqualTo(ORG_ID);
        assertThat(state().accounts()).singleElement().satisfies(account -> {
            assertThat(account.accountId()).isEqualTo(state().defaultAccountId());
            assertThat(account.organizationId()).isEqualTo(ORG_ID);
            assertThat(account.createdAt()).isEqualTo(START);
            assertThat(account.iamRole()).isNull();
            assertThat(account.ciEnrolled()).isFalse();
        });
    }

    @Test
    void outOfBandChangesShowThroughTheApi() {
        SpotAccountRecord created = state().createAccount("seeded");
        state().link(created.accountId(), ROLE_ARN);
        state().rename(created.accountId(), "renamed");
        state().enrollCostIntelligence(created.accountId());

        Reply account = http.get("/setup/account/" + created.accountId());
        Reply credentials = http.get("/setup/credentials/aws?accountId=" + created.accountId());
        Reply ci = http.get("/cbi/v1/setup/account");

        assertThat(account.item().path("name").asText()).isEqualTo("renamed");
        assertThat(account.item().path("providerExternalId").asText()).isEqualTo("123456789012");
        assertThat(account.item().path("cloudProvider").asText()).isEqualTo("AWS");
        assertThat(credentials.item().path("iamRole").asText()).isEqualTo(ROLE_ARN);
        assertThat(ci.item().path("accountId").asText()).isEqualTo(created.accountId());
        assertThat(state().isCostIntelligenceEnrolled(created.accountId())).isTrue();
        assertThat(state().account(created.accountId()).orElseThrow().ciEnabledDate())
                .isEqualTo(START);

        state().delete(created.accountId());

        assertThat(http.get("/setup/account/" + created.accountId()).errorCode())
                .isEqualTo(Wire.ACCOUNT_DOESNT_EXIST);
    }

    @Test
    void aSeededAccountIsOlderAndConnectedAndListedAsAUserSeesIt() {
        SpotAccountRecord seeded = state().seedAccount("production", Duration.ofDays(30), ROLE_ARN);
        SpotAccountRecord unlinked = state().seedAccount("123456789012", Duration.ofMinutes(1), null);

        Reply found = http.get("/setup/account?cloudAccountId=123456789012");

        assertThat(seeded.createdAt()).isEqualTo(START.minus(Duration.ofDays(30)));
        assertThat(unlinked.createdAt()).isEqualTo(START.minus(Duration.ofMinutes(1)));
        assertThat(found.item().path("accountId").asText()).isEqualTo(seeded.accountId());
        String seededId = state().account(seeded.accountId()).orElseThrow().linkedExternalId();
        assertThat(seededId).startsWith(Invented.EXTERNAL_ID_PREFIX);
        assertThat(state().visibleAccounts())
                .contains(
                        new VisibleAccount(
                                seeded.accountId(), "production", "123456789012", ROLE_ARN, false, seededId, true),
                        new VisibleAccount(unlinked.accountId(), "123456789012", null, null, false, null, false));
    }

    @Test
    void outOfBandCreateIgnoresTheAccountLimit() {
        faults().accountLimit(1);

        state().createAccount("beyond the limit");

        assertThat(state().accounts()).hasSize(2);
    }

    @Test
    void outOfBandMisuseFailsLoudly() {
        assertThatThrownBy(() -> state().rename("act-00000000", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state().link(state().defaultAccountId(), "not-an-arn"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state().delete(state().defaultAccountId()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state().enrollCostIntelligence("act-00000000"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(state().isCostIntelligenceEnrolled("act-00000000")).isFalse();
    }

    @Test
    void snapshotsDoNotChangeUnderTheCaller() {
        SpotAccountRecord before = state().createAccount("before");

        state().rename(before.accountId(), "after");

        assertThat(before.name()).isEqualTo("before");
    }

    @Test
    void externalIdRecordsTheLastMinted() {
        String accountId = createAccount("a");
        mintExternalId(accountId);
        String last = mintExternalId(accountId);

        assertThat(state().account(accountId).orElseThrow().externalId()).isEqualTo(last);
    }

    @Test
    void resetStartsAFreshOrganization() {
        String oldDefault = state().defaultAccountId();
        createLinkedAccount("gone", ROLE_ARN);
        faults().iamPropagationDelay(Duration.ofSeconds(30));

        state().reset();

        assertThat(state().accounts())
                .singleElement()
                .satisfies(account -> assertThat(account.accountId()).isEqualTo(state().defaultAccountId()));
        assertThat(state().defaultAccountId()).isNotEqualTo(oldDefault);
        // The role was seen before the reset; a fresh organization has never seen it.
        String accountId = createAccount("again");
        mintExternalId(accountId);
        assertThat(setCredentials(accountId, ROLE_ARN).errorCode()).isEqualTo(Invented.CANT_ASSUME_ROLE);
    }

    @Test
    void emulatorResetAlsoClearsFaultsAndRequests() {
        faults().throttleNext("*", "*", 10, 1);
        createAccount("x");

        emulator.reset();

        assertThat(emulator.requests()).isEmpty();
        assertThat(state().accounts()).hasSize(1);
        assertThat(http.get("/setup/account").status()).isEqualTo(200);
    }

    @Test
    void manyClientsAtOnceGetConsistentState() throws Exception {
        int clients = 16;
        int accountsPerClient = 25;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < accountsPerClient; i++) {
                        String role = "arn:aws:iam::%012d:role/Spot".formatted(client * 1000L + i);
                        String accountId = createLinkedAccount("c" + client + "-" + i, role);
                        assertThat(http.post("/cbi/v1/setup/account", accountBody(accountId))
                                        .status())
                                .isEqualTo(200);
                        ids.add(accountId);
                    }
                    return ids;
                }));
            }
            Set<String> created = new HashSet<>();
            for (Future<List<String>> result : results) {
                created.addAll(result.get());
            }

            assertThat(created).hasSize(clients * accountsPerClient);
            assertThat(state().accounts()).hasSize(clients * accountsPerClient + 1);
            assertThat(state().accounts())
                    .filteredOn(SpotAccountRecord::isLinked)
                    .hasSize(created.size());
            assertThat(http.get("/cbi/v1/setup/account?paginationSize=1000").items())
                    .hasSize(created.size());
            assertThat(emulator.requestCount("POST", "/setup/credentials/aws")).isEqualTo(created.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
