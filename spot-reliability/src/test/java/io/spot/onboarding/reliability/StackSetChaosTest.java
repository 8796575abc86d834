package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.testing.CloudFormationRequest;
import io.spot.onboarding.testing.HandlerContract;
import io.spot.onboarding.testing.HandlerDriver;
import io.spot.onboarding.testing.HandlerResponse;
import io.spot.onboarding.testing.SecretScanner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A StackSet's worth of accounts enrolled at once while faults strike at random (over a third of all
 * calls: 429s, 503s, resets, answers lost after a write). Every account ends fully enrolled, or
 * cleanly failed with a retriable code and rolled back; a second run, as a user would retry the
 * failed stack instances, enrols them all; and Spot holds exactly one account per AWS account,
 * linked to that account's role, named, enrolled.
 */
class StackSetChaosTest {
    private static final int ACCOUNTS = 40;
    private static final String TOKEN = "chaosToken" + Long.toHexString(System.nanoTime());
    private static final Set<String> RETRIABLE = Set.of("Throttling", "ServiceInternalError", "NetworkFailure",
        "NotStabilized");

    @Test
    void everyAccountEndsEnrolledOrCleanlyFailedAndASecondRunEnrolsAll() throws Exception {
        try (SpotEmulator spot = SpotEmulator.builder().token(TOKEN).workerThreads(16).build().start()) {
            spot.faults().chaos(0.35, 20261126L);
            final Map<String, String> failures = new ConcurrentHashMap<>();
            run(spot, awsAccounts(), failures);
            failures.values().forEach(code -> assertThat(code).isIn(RETRIABLE));
            System.out.println("stackset-chaos: " + (ACCOUNTS - failures.size()) + " of " + ACCOUNTS
                + " accounts enrolled under random faults, " + failures.size() + " cleanly failed and rolled back");

            spot.faults().reset();
            final Map<String, String> secondFailures = new ConcurrentHashMap<>();
            run(spot, new ArrayList<>(failures.keySet()), secondFailures);

            assertThat(secondFailures).isEmpty();
            for (final String awsAccount : awsAccounts()) {
                final List<SpotAccountRecord> accounts = spot.state().accounts().stream()
                    .filter(a -> awsAccount.equals(a.providerExternalId()) || ("alias-" + awsAccount).equals(a.name())
                        || awsAccount.equals(a.name()))
                    .toList();
                assertThat(accounts).as("Spot accounts for AWS account %s", awsAccount).hasSize(1);
                final SpotAccountRecord account = accounts.get(0);
                assertThat(account.iamRole()).isEqualTo(role(awsAccount));
                assertThat(account.name()).isEqualTo("alias-" + awsAccount);
                assertThat(account.ciEnrolled()).isTrue();
            }
            assertThat(spot.state().accounts()).hasSize(ACCOUNTS + 1);
        }
    }

    private static List<String> awsAccounts() {
        final List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(String.format("3100%08d", i));
        }
        return accounts;
    }

    private static String role(final String awsAccount) {
        return "arn:aws:iam::" + awsAccount + ":role/SpotRole";
    }

    /** Each account's stack, eight at a time; a failed one is rolled back and its code kept. */
    private static void run(final SpotEmulator spot, final List<String> awsAccounts, final Map<String, String> failures)
        throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            final List<Future<?>> stacks = new ArrayList<>();
            for (final String awsAccount : awsAccounts) {
                stacks.add(pool.submit(() -> new Stack(spot, awsAccount).createOrRollBack(failures)));
            }
            for (final Future<?> stack : stacks) {
                stack.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** One account's stack: the four Spot resources in the template's order, rolled back on failure. */
    private static final class Stack {
        private final SpotEmulator spot;
        private final String awsAccount;
        private final Map<SpotTypes, HandlerDriver> drivers = new EnumMap<>(SpotTypes.class);
        private final Map<SpotTypes, JsonNode> created = new EnumMap<>(SpotTypes.class);

        Stack(final SpotEmulator spot, final String awsAccount) {
            this.spot = spot;
            this.awsAccount = awsAccount;
            final SecretScanner scanner = new SecretScanner(TOKEN);
            for (final SpotTypes type : SpotTypes.values()) {
                drivers.put(type, new HandlerDriver(type.wrapper(), new HandlerContract("AccountId",
                    type == SpotTypes.ACCOUNT), scanner, seconds -> { }));
            }
        }

        void createOrRollBack(final Map<String, String> failures) {
            final HandlerResponse account = create(SpotTypes.ACCOUNT, CloudFormationRequest.props("{}"));
            String failed = account.errorCode();
            if (failed == null) {
                final String accountId = account.modelText("AccountId");
                final String ownership = account.modelText("Ownership");
                final List<Map.Entry<SpotTypes, String>> rest = List.of(
                    Map.entry(SpotTypes.LINKED_CREDENTIALS, "{\"AccountId\":\"" + accountId + "\",\"RoleArn\":\""
                        + role(awsAccount) + "\",\"AccountOwnership\":\"" + ownership + "\"}"),
                    Map.entry(SpotTypes.ACCOUNT_ALIAS, "{\"AccountId\":\"" + accountId + "\",\"Name\":\"alias-"
                        + awsAccount + "\",\"AccountOwnership\":\"" + ownership + "\"}"),
                    Map.entry(SpotTypes.COST_INTELLIGENCE, "{\"AccountId\":\"" + accountId + "\",\"AccountOwnership\":\""
                        + ownership + "\"}"));
                for (final Map.Entry<SpotTypes, String> resource : rest) {
                    failed = create(resource.getKey(), CloudFormationRequest.props(resource.getValue())).errorCode();
                    if (failed != null) {
                        break;
                    }
                }
            }
            if (failed != null) {
                failures.put(awsAccount, failed);
                rollBack();
            }
        }

        private HandlerResponse create(final SpotTypes type, final ObjectNode properties) {
            final HandlerResponse last = drivers.get(type).run(request(type, "CREATE", properties)).last();
            if ("SUCCESS".equals(last.status())) {
                created.put(type, last.model());
            }
            return last;
        }

        /** CloudFormation deletes what a failed create made, newest first; faults may strike here too. */
        private void rollBack() {
            final List<SpotTypes> newestFirst = new ArrayList<>(created.keySet());
            java.util.Collections.reverse(newestFirst);
            for (final SpotTypes type : newestFirst) {
                HandlerResponse deleted;
                do {
                    deleted = drivers.get(type).run(request(type, "DELETE", (ObjectNode) created.get(type))).last();
                } while ("FAILED".equals(deleted.status()) && RETRIABLE.contains(deleted.errorCode()));
                assertThat(deleted.errorCode()).as(deleted.message()).isIn(null, "NotFound");
            }
        }

        private ObjectNode request(final SpotTypes type, final String action, final ObjectNode properties) {
            final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
            configuration.putObject("SpotCredentials").put("ApiToken", TOKEN).put("ApiUrl", spot.baseUrl());
            return CloudFormationRequest.of(type.typeName(), action).awsAccountId(awsAccount)
                .typeConfiguration(configuration).properties(properties).json();
        }
    }
}
