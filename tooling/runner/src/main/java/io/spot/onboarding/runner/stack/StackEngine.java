package io.spot.onboarding.runner.stack;

import io.spot.onboarding.runner.eval.Conditions;
import io.spot.onboarding.runner.eval.EvaluationException;
import io.spot.onboarding.runner.eval.ParameterValues;
import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts stack operations on the scheduler. Everything CloudFormation refuses before it starts
 * (parameter values, conditions, dangling references, cycles) is a {@link TemplateException}
 * thrown here, before any resource is touched; the operation itself runs when the scheduler runs.
 */
public final class StackEngine {
    private final TypeRegistry types;
    private final Scheduler scheduler;
    private final EventSink sink;
    private final boolean rollback;

    public StackEngine(
            final TypeRegistry types, final Scheduler scheduler, final EventSink sink, final boolean rollback) {
        this.types = types;
        this.scheduler = scheduler;
        this.sink = sink;
        this.rollback = rollback;
    }

    /** The checks create would make, without a stack: for a whole StackSet, once. */
    public void prepare(final Stack stack, final Map<String, String> parameters) {
        plan(stack, ParameterValues.resolve(stack.template(), parameters));
    }

    public void create(
            final Stack stack, final Map<String, String> parameters, final Consumer<OperationOutcome> whenDone) {
        final Plan plan = plan(stack, ParameterValues.resolve(stack.template(), parameters));
        new CreateStack(stack, plan.parameters, plan.conditions, plan.graph, types, rollback, scheduler, sink, whenDone)
                .start();
    }

    /** New values for the given parameters; the others keep their current value. */
    public void update(
            final Stack stack, final Map<String, String> parameters, final Consumer<OperationOutcome> whenDone) {
        requireExisting(stack, "update");
        final Plan plan = plan(
                stack,
                ParameterValues.resolve(
                        stack.template(), parameters, stack.parameters().raw()));
        new UpdateStack(stack, plan.parameters, plan.conditions, plan.graph, types, rollback, scheduler, sink, whenDone)
                .start();
    }

    public void delete(final Stack stack, final Consumer<OperationOutcome> whenDone) {
        requireExisting(stack, "delete");
        new DeleteStack(stack, scheduler, sink, whenDone).start();
    }

    public void detectDrift(final Stack stack, final Consumer<OperationOutcome> whenDone) {
        requireExisting(stack, "detect drift on");
        new DetectDrift(stack, scheduler, sink, whenDone).start();
    }

    private static void requireExisting(final Stack stack, final String what) {
        if (stack.parameters() == null) {
            throw new IllegalStateException("cannot " + what + " stack " + stack.name() + ": it was never deployed");
        }
    }

    private record Plan(ParameterValues parameters, Conditions conditions, DependencyGraph graph) {}

    private static Plan plan(final Stack stack, final ParameterValues parameters) {
        final Conditions conditions;
        try {
            conditions = Conditions.evaluate(stack.template(), parameters, stack.pseudo());
        } catch (EvaluationException e) {
            throw new TemplateException(
                    e.location(),
                    e.getMessage().substring(e.location().toString().length() + 2));
        }
        return new Plan(parameters, conditions, DependencyGraph.of(stack.template(), conditions));
    }
}
