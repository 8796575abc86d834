package io.spot.onboarding.runner.stack;

import io.spot.onboarding.runner.eval.Conditions;
import io.spot.onboarding.runner.eval.References;
import io.spot.onboarding.runner.template.ResourceDecl;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.template.TemplateProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources a stack has for one set of conditions, and what each waits for: its DependsOn
 * and every resource its properties refer to (Ref, Fn::GetAtt, Fn::Sub) on the branches the
 * conditions take. CloudFormation's own errors for a dangling reference and a cycle.
 */
public final class DependencyGraph {
    private final Map<String, Set<String>> dependencies;

    private DependencyGraph(final Map<String, Set<String>> dependencies) {
        this.dependencies = dependencies;
    }

    public static DependencyGraph of(final Template template, final Conditions conditions) {
        final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
        final List<TemplateProblem> problems = new ArrayList<>();
        for (final ResourceDecl resource : template.resources().values()) {
            if (!conditions.allows(resource.condition())) {
                continue;
            }
            final Set<String> waitsFor = new LinkedHashSet<>();
            for (final String named : resource.dependsOn()) {
                if (conditions.allows(template.resource(named).condition())) {
                    waitsFor.add(named);
                } else {
                    problems.add(new TemplateProblem(
                            resource.declaration().keyLocation("DependsOn"),
                            resource.path() + "/DependsOn",
                            "DependsOn names " + named + ", which is not created: its " + "condition "
                                    + template.resource(named).condition() + " is false"));
                }
            }
            for (final References.Reference reference : References.taken(resource.properties(), conditions::isTrue)) {
                final ResourceDecl target = template.resource(reference.target());
                if (reference.kind() == References.Kind.CONDITION || target == null) {
                    continue;
                }
                if (conditions.allows(target.condition())) {
                    waitsFor.add(target.logicalId());
                } else {
                    problems.add(new TemplateProblem(
                            reference.location(),
                            resource.path() + "/Properties",
                            "Unresolved resource dependencies [" + target.logicalId()
                                    + "] in the Resources block of the "
                                    + "template: its condition " + target.condition()
                                    + " is false (use Fn::If with the same "
                                    + "condition)"));
                }
            }
            dependencies.put(resource.logicalId(), waitsFor);
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        final DependencyGraph graph = new DependencyGraph(dependencies);
        graph.creationOrder(template);
        return graph;
    }

    public Set<String> resources() {
        return Collections.unmodifiableSet(dependencies.keySet());
    }

    /** What {@code logicalId} needs created first. */
    public Set<String> dependenciesOf(final String logicalId) {
        return Collections.unmodifiableSet(dependencies.getOrDefault(logicalId, Set.of()));
    }

    /** One order that creates each resource after what it needs, template order among equals. */
    public List<String> creationOrder(final Template template) {
        final List<String> order = new ArrayList<>();
        final Set<String> placed = new LinkedHashSet<>();
        boolean progress = true;
        while (order.size() < dependencies.size() && progress) {
            progress = false;
            for (final String id : dependencies.keySet()) {
                if (!placed.contains(id) && placed.containsAll(dependencies.get(id))) {
                    order.add(id);
                    placed.add(id);
                    progress = true;
                }
            }
        }
        if (order.size() < dependencies.size()) {
            final List<String> cycle = dependencies.keySet().stream()
                    .filter(id -> !placed.contains(id))
                    .toList();
            throw new TemplateException(List.of(new TemplateProblem(
                    template.resource(cycle.get(0)).location(),
                    "Resources",
                    "Circular dependency between resources: " + cycle)));
        }
        return order;
    }

    /** The edges, to keep with the stack: deleting later needs the graph the resources were made with. */
    public Map<String, Set<String>> edges() {
        final Map<String, Set<String>> copy = new LinkedHashMap<>();
        dependencies.forEach((id, needs) -> copy.put(id, Set.copyOf(needs)));
        return copy;
    }
}
