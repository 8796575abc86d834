package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.runner.aws.AwsClients;
import io.spot.onboarding.runner.aws.PolicyDocuments;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.stack.Stack;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * template.yml's SpotRole, as moto holds it after a deploy: for a Reused Spot account its inline Deny
 * matches every request the role's sessions make (their aws:PrincipalAccount is the role's own
 * account), so the role grants nothing; for a Created one it matches none. moto has no
 * simulate-principal-policy, so the stored Deny is evaluated here for the role's own sessions; the
 * template tests evaluate the same document against the Spot policies' Allows.
 */
class SpotRoleDenyTest {
    private static final String DENY_POLICY = "NothingWhileTheSpotAccountIsReused";

    @RegisterExtension
    final TemplateRun template = new TemplateRun();

    @Test
    void aReusedAccountsRoleDeniesEveryRequestOfItsSessions() {
        final LocalRun run = template.start("--accounts", "2", "--concurrency", "2");
        assertThat(run.run(Command.of(Command.CONNECT_EXISTING))).isTrue();
        assertThat(run.run(new Command(Command.DEPLOY, Map.of()))).isTrue();

        assertThat(run.stacks()).hasSize(2).allSatisfy(stack -> {
            assertThat(ownership(stack)).isEqualTo("Reused");
            assertThat(deniesItsOwnSessions(run, stack)).isTrue();
        });
    }

    @Test
    void aCreatedAccountsRoleKeepsItsPermissions() {
        final LocalRun run = template.start();
        assertThat(run.run(Command.of(Command.DEPLOY))).isTrue();

        final Stack stack = run.stacks().get(0);
        assertThat(ownership(stack)).isEqualTo("Created");
        assertThat(deniesItsOwnSessions(run, stack)).isFalse();
        assertThat(run.run(Command.of(Command.DELETE))).isTrue();
    }

    private static String ownership(final Stack stack) {
        return stack.resource("SpotAccount").state().model().get("Ownership").asText();
    }

    /** Whether the role's inline Deny, read back from moto, applies to any action of a session of the role. */
    private static boolean deniesItsOwnSessions(final LocalRun run, final Stack stack) {
        final AwsClients aws = run.environment().aws();
        final String role = stack.resource("SpotRole").state().physicalId();
        final String document = aws.iam()
                .getRolePolicy(r -> r.roleName(role)
                        .policyName(DENY_POLICY)
                        .overrideConfiguration(AwsClients.as(aws.enter(stack.accountId(), "deny-check"))))
                .policyDocument();
        final String roleAccount = aws.iam()
                .getRole(r -> r.roleName(role)
                        .overrideConfiguration(AwsClients.as(aws.enter(stack.accountId(), "deny-check"))))
                .role()
                .arn()
                .split(":")[4];
        assertThat(roleAccount).isEqualTo(stack.accountId());
        final JsonNode statements = PolicyDocuments.parse(document).get("Statement");
        assertThat(statements).hasSize(1);
        final JsonNode deny = statements.get(0);
        assertThat(deny.get("Effect").asText()).isEqualTo("Deny");
        assertThat(deny.get("Action").asText()).isEqualTo("*");
        assertThat(deny.get("Resource").asText()).isEqualTo("*");
        final JsonNode condition = deny.get("Condition");
        assertThat(condition.size()).isEqualTo(1);
        final JsonNode equals = condition.get("StringEquals");
        assertThat(equals.size()).isEqualTo(1);
        return equals.get("aws:PrincipalAccount").asText().equals(roleAccount);
    }
}
