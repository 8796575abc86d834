package io.spot.onboarding.runner.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spot.onboarding.runner.eval.Conditions;
import io.spot.onboarding.runner.eval.ParameterValues;
import io.spot.onboarding.runner.eval.PseudoParameters;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.template.TemplateParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {
    private static final PseudoParameters PSEUDO = new PseudoParameters("123456789012", "us-east-1");

    private static DependencyGraph graph(final Template template, final Map<String, String> parameters) {
        final ParameterValues values = ParameterValues.resolve(template, parameters);
        return DependencyGraph.of(template, Conditions.evaluate(template, values, PSEUDO));
    }

    private static final Template ONBOARDING_SHAPE = TemplateParser.parse("""
        Parameters:
          WithPolicy: {Type: String, Default: "true"}
        Conditions:
          Policy: !Equals [!Ref WithPolicy, "true"]
        Resources:
          Alias: {Type: T, DependsOn: [Secret, Link], Properties: {AccountId: !Ref Account}}
          Link: {Type: T, Properties: {AccountId: !Ref Account, RoleArn: !GetAtt Role.Arn}}
          Role:
            Type: T
            Properties:
              ExternalId: !Sub "${Account.ExternalId}"
              Arns: [!If [Policy, !Ref ManagedPolicy, !Ref AWS::NoValue]]
          ManagedPolicy: {Type: T, Condition: Policy}
          Account: {Type: T, DependsOn: Secret}
          Secret: {Type: T}
        """, "t.yml");

    @Test
    void createsEachResourceAfterItsExplicitAndImplicitDependencies() {
        final DependencyGraph graph = graph(ONBOARDING_SHAPE, Map.of());
        assertThat(graph.dependenciesOf("Role")).containsExactlyInAnyOrder("Account", "ManagedPolicy");
        assertThat(graph.dependenciesOf("Link")).containsExactlyInAnyOrder("Account", "Role");
        assertThat(graph.dependenciesOf("Alias")).containsExactlyInAnyOrder("Secret", "Link", "Account");
        assertThat(graph.creationOrder(ONBOARDING_SHAPE))
                .containsExactly("ManagedPolicy", "Secret", "Account", "Role", "Link", "Alias");
    }

    /** Deleting walks the same edges backwards: each resource once everything that needs it is gone. */
    @Test
    void deletesEachResourceAfterWhatDependsOnIt() {
        final Map<String, Set<String>> edges = graph(ONBOARDING_SHAPE, Map.of()).edges();
        final List<String> order = new ArrayList<>();
        final Deque<String> running = new ArrayDeque<>();
        final DependencyWalk walk = new DependencyWalk(
                List.copyOf(edges.keySet()),
                id -> edges.keySet().stream()
                        .filter(other -> edges.get(other).contains(id))
                        .toList(),
                running::add,
                failed -> assertThat(failed).isEmpty());
        walk.begin();
        while (!running.isEmpty()) {
            final String next = running.poll();
            order.add(next);
            walk.completed(next);
        }
        assertThat(order).containsExactly("Alias", "Link", "Role", "ManagedPolicy", "Account", "Secret");
    }

    @Test
    void aFalseConditionDropsTheResourceAndTheBranchThatNamesIt() {
        final DependencyGraph graph = graph(ONBOARDING_SHAPE, Map.of("WithPolicy", "false"));
        assertThat(graph.resources()).doesNotContain("ManagedPolicy");
        assertThat(graph.dependenciesOf("Role")).containsExactly("Account");
    }

    @Test
    void referringToAResourceWhoseConditionIsFalseIsCloudFormationsUnresolvedDependency() {
        final Template template = TemplateParser.parse("""
            Conditions:
              Never: !Equals [a, b]
            Resources:
              A: {Type: T, Condition: Never}
              B:
                Type: T
                Properties:
                  X: !Ref A
            """, "t.yml");
        assertThatThrownBy(() -> graph(template, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("t.yml:8:")
                .hasMessageContaining("Unresolved resource dependencies [A]");
    }

    @Test
    void aCycleIsNamed() {
        final Template template = TemplateParser.parse("""
            Resources:
              A: {Type: T, Properties: {X: !GetAtt B.Arn}}
              B: {Type: T, DependsOn: C}
              C: {Type: T, Properties: {Y: !Sub "${A}"}}
              D: {Type: T}
            """, "t.yml");
        assertThatThrownBy(() -> graph(template, Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Circular dependency between resources: [A, B, C]");
    }
}
