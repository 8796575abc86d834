package io.spot.onboarding.templates;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.templates.TokenPaths.Option;
import io.spot.onboarding.templates.TokenPaths.Path;
import io.spot.onboarding.templates.TokenPaths.Who;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who reaches the token, by which path, under each option, with and without the guardrail: every
 * path of {@link TokenPaths} for every principal that matters, and the README's table, which must
 * say the same line for line.
 */
class TokenThreatModelTest {
    private static final Set<Path> HANDLERS_ROLE_PATHS = EnumSet.of(
            Path.EDIT_HANDLERS_ROLE, Path.CREATE_HANDLERS_ROLE, Path.PASS_HANDLERS_ROLE, Path.CONFIGURE_TYPE);
    private static final Set<Path> MANAGEMENT_PATHS =
            union(HANDLERS_ROLE_PATHS, EnumSet.of(Path.WRITE_PACKAGES, Path.RUN_A_STACKSET));

    private static String bucketPolicy;

    /** The package bucket's policy as the deploy script writes it. */
    @BeforeAll
    static void readTheBucketPolicyFromTheDeployScript() {
        final Processes.Result run = Processes.run(
                List.of(
                        "bash",
                        "deploy/deploy-stacksets.sh",
                        "--bucket",
                        TokenPaths.BUCKET,
                        "--org-id",
                        TokenPolicies.ORGANIZATION,
                        "--targets",
                        "r-ab12",
                        "--packages-dir",
                        "/nonexistent",
                        "--token-location",
                        "account",
                        "--dry-run"),
                Map.of("SPOT_API_TOKEN", "threatModelToken"));
        assertThat(run.exitCode()).as(run.output()).isZero();
        final String line = run.output()
                .lines()
                .filter(l -> l.startsWith("aws s3api put-bucket-policy"))
                .findFirst()
                .orElseThrow();
        bucketPolicy = line.substring(line.indexOf("--policy '") + 10, line.lastIndexOf('\''));
    }

    private static Set<Path> open(final Option option, final boolean guardrail, final Who who) {
        return new TokenPaths(option, guardrail, bucketPolicy).open(who);
    }

    @Test
    void aMemberAccountsAdministratorReachesItThroughTheHandlersRoleUnlessTheGuardrailCoversTheAccount() {
        final Set<Path> withoutGuardrail = union(HANDLERS_ROLE_PATHS, EnumSet.of(Path.EDIT_EXECUTION_ROLE));
        for (final Option option : Option.values()) {
            assertThat(open(option, false, Who.MEMBER_ADMINISTRATOR))
                    .as(option.name())
                    .isEqualTo(withoutGuardrail);
            assertThat(open(option, true, Who.MEMBER_ADMINISTRATOR))
                    .as(option.name())
                    .isEmpty();
        }
    }

    /** The central token is readable by a handlers' role of any account of the organization. */
    @Test
    void anAccountTheGuardrailDoesNotCoverReachesTheCentralTokenButNoOtherAccountsCopy() {
        for (final boolean guardrail : List.of(false, true)) {
            assertThat(open(Option.CENTRAL, guardrail, Who.UNGUARDED_MEMBER_ADMINISTRATOR))
                    .isEqualTo(HANDLERS_ROLE_PATHS);
            assertThat(open(Option.IN_ACCOUNT, guardrail, Who.UNGUARDED_MEMBER_ADMINISTRATOR))
                    .isEmpty();
        }
    }

    /** The guardrail exempts them, so StackSets keep working: whoever controls the StackSets reaches the token. */
    @Test
    void theExecutionRolesReachItWithOrWithoutTheGuardrail() {
        for (final boolean guardrail : List.of(false, true)) {
            assertThat(open(Option.CENTRAL, guardrail, Who.EXECUTION_ROLE)).isEqualTo(HANDLERS_ROLE_PATHS);
        }
        // In the account, they may lift the secret's policy (they deploy it); the guardrail keeps them from reading it.
        assertThat(open(Option.IN_ACCOUNT, false, Who.EXECUTION_ROLE))
                .isEqualTo(union(HANDLERS_ROLE_PATHS, EnumSet.of(Path.LIFT_POLICIES)));
        assertThat(open(Option.IN_ACCOUNT, true, Who.EXECUTION_ROLE)).isEqualTo(HANDLERS_ROLE_PATHS);
    }

    @Test
    void theHandlersRoleReadsItAndNothingElseWithOrWithoutTheGuardrail() {
        for (final Option option : Option.values()) {
            for (final boolean guardrail : List.of(false, true)) {
                assertThat(open(option, guardrail, Who.HANDLERS))
                        .as(option + " guardrail " + guardrail)
                        .containsExactly(Path.READ);
            }
        }
    }

    /** No service control policy covers the management account. */
    @Test
    void theManagementAccountsPrincipalsReachItWhateverTheGuardrail() {
        for (final boolean guardrail : List.of(false, true)) {
            assertThat(open(Option.CENTRAL, guardrail, Who.TOKEN_ADMINISTRATOR))
                    .isEqualTo(union(MANAGEMENT_PATHS, EnumSet.of(Path.LIFT_POLICIES)));
            assertThat(open(Option.CENTRAL, guardrail, Who.MANAGEMENT_ADMINISTRATOR))
                    .isEqualTo(union(MANAGEMENT_PATHS, EnumSet.of(Path.LIFT_POLICIES)));
            // Its own copy (a plain stack): its secret's policy lets only TokenAdministratorArn lift it.
            assertThat(open(Option.IN_ACCOUNT, guardrail, Who.TOKEN_ADMINISTRATOR))
                    .isEqualTo(union(MANAGEMENT_PATHS, EnumSet.of(Path.LIFT_POLICIES)));
            assertThat(open(Option.IN_ACCOUNT, guardrail, Who.MANAGEMENT_ADMINISTRATOR))
                    .isEqualTo(MANAGEMENT_PATHS);
        }
    }

    /** No one reads it directly but the handlers' role: every other path goes through a change. */
    @Test
    void onlyTheHandlersRoleReadsTheSecretAsItIs() {
        for (final Option option : Option.values()) {
            for (final Who who : Who.values()) {
                assertThat(open(option, false, who).contains(Path.READ))
                        .as(option + " " + who)
                        .isEqualTo(who == Who.HANDLERS);
            }
        }
    }

    private static final Map<String, Who> README_ROWS = Map.of(
            "An administrator of a member account the guardrail covers", Who.MEMBER_ADMINISTRATOR,
            "An administrator of a member account it does not cover", Who.UNGUARDED_MEMBER_ADMINISTRATOR,
            "The StackSet execution roles", Who.EXECUTION_ROLE,
            "The handlers' role", Who.HANDLERS,
            "`TokenAdministratorArn` (the deploy script's caller)", Who.TOKEN_ADMINISTRATOR,
            "An administrator of the management account", Who.MANAGEMENT_ADMINISTRATOR);

    /** The README's threat model: one row per principal, yes or no under each option with and without the guardrail. */
    @Test
    void theReadmesTableSaysWhatTheEvaluationFinds() throws IOException {
        final List<String> lines = Files.readAllLines(CfnYaml.ROOT.resolve("README.md"));
        final int header =
                lines.indexOf("| Who can reach the token | Central | Central, with the guardrail | In each account "
                        + "| In each account, with the guardrail |");
        assertThat(header).as("the README's threat model table").isNotNegative();
        final Map<Who, List<Boolean>> table = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            final String[] cells = lines.get(i).split("\\|");
            final Who who = README_ROWS.get(cells[1].strip());
            assertThat(who).as("a row the test knows: " + cells[1]).isNotNull();
            final List<Boolean> answers = new ArrayList<>();
            for (int column = 2; column <= 5; column++) {
                final String cell = cells[column].strip();
                assertThat(cell).as(lines.get(i)).matches("(yes|no)\\b.*");
                answers.add(cell.startsWith("yes"));
            }
            table.put(who, answers);
        }
        assertThat(table.keySet()).containsExactlyInAnyOrder(Who.values());
        table.forEach((who, answers) -> assertThat(answers)
                .as(who.name())
                .containsExactly(
                        new TokenPaths(Option.CENTRAL, false, bucketPolicy).reads(who),
                        new TokenPaths(Option.CENTRAL, true, bucketPolicy).reads(who),
                        new TokenPaths(Option.IN_ACCOUNT, false, bucketPolicy).reads(who),
                        new TokenPaths(Option.IN_ACCOUNT, true, bucketPolicy).reads(who)));
    }

    private static Set<Path> union(final Set<Path> first, final Set<Path> second) {
        final Set<Path> union = EnumSet.copyOf(first);
        union.addAll(second);
        return union;
    }
}
