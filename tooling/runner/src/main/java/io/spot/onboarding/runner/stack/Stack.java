package io.spot.onboarding.runner.stack;

import io.spot.onboarding.runner.eval.Conditions;
import io.spot.onboarding.runner.eval.ParameterValues;
import io.spot.onboarding.runner.eval.PseudoParameters;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.types.StackContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One stack (one account's stack instance, in a StackSet) and its state. Only the scheduler's
 * thread changes it.
 */
public final class Stack {
    private final Template template;
    private final StackContext context;
    private final Map<String, StackResource> resources = new LinkedHashMap<>();
    private Map<String, Set<String>> dependencies = Map.of();
    private ParameterValues parameters;
    private Conditions conditions;
    private Map<String, String> outputs = Map.of();
    private String status = "REVIEW_IN_PROGRESS";
    private String driftStatus = "NOT_CHECKED";

    public Stack(final Template template, final StackContext context) {
        this.template = template;
        this.context = context;
    }

    public Template template() {
        return template;
    }

    public StackContext context() {
        return context;
    }

    public String name() {
        return context.stackName();
    }

    public String accountId() {
        return context.accountId();
    }

    public PseudoParameters pseudo() {
        return new PseudoParameters(context.accountId(), context.region());
    }

    public Map<String, StackResource> resources() {
        return Collections.unmodifiableMap(resources);
    }

    public StackResource resource(final String logicalId) {
        return resources.get(logicalId);
    }

    void put(final StackResource resource) {
        resources.put(resource.logicalId(), resource);
    }

    void remove(final String logicalId) {
        resources.remove(logicalId);
    }

    /** What each existing resource was created after: the order to delete them in reverse. */
    public Map<String, Set<String>> dependencies() {
        return dependencies;
    }

    void dependencies(final Map<String, Set<String>> edges) {
        this.dependencies = Map.copyOf(edges);
    }

    public ParameterValues parameters() {
        return parameters;
    }

    public Conditions conditions() {
        return conditions;
    }

    void configuration(final ParameterValues parameters, final Conditions conditions) {
        this.parameters = parameters;
        this.conditions = conditions;
    }

    public Map<String, String> outputs() {
        return outputs;
    }

    void outputs(final Map<String, String> values) {
        this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String status() {
        return status;
    }

    void status(final String value) {
        this.status = value;
    }

    /** IN_SYNC, DRIFTED or NOT_CHECKED: kept apart from the status, as CloudFormation does. */
    public String driftStatus() {
        return driftStatus;
    }

    void driftStatus(final String value) {
        this.driftStatus = value;
    }
}
