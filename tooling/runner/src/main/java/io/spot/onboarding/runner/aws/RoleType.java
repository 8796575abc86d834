package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.iam.model.Role;

/** AWS::IAM::Role with managed and inline policies: Ref is the role name; Fn::GetAtt Arn and RoleId. */
public final class RoleType extends AwsResourceType {
    public static final String TYPE = "AWS::IAM::Role";
    private final RoleWatcher roles;

    /** @param roles told each role's ARN and trust as it is created, changed or deleted */
    public RoleType(final AwsClients aws, final RoleWatcher roles) {
        super(
                aws,
                new TypeSpec(TYPE, Set.of("RoleName", "Path")),
                Set.of("RoleName", "Path", "AssumeRolePolicyDocument", "Description", "ManagedPolicyArns", "Policies"));
        this.roles = roles;
    }

    @Override
    protected ResourceState created(final ResourceCall call) {
        final ObjectNode desired = call.desired();
        final String name = nameOrGenerated(call, "RoleName", 64);
        final Role role = aws.iam()
                .createRole(r -> r.roleName(name)
                        .path(text(desired, "Path"))
                        .assumeRolePolicyDocument(PolicyDocuments.text(desired.get("AssumeRolePolicyDocument")))
                        .description(text(desired, "Description"))
                        .overrideConfiguration(as(call)))
                .role();
        roles.created(
                role.arn(),
                PolicyDocuments.parse(role.assumeRolePolicyDocument()).toString());
        attach(call, name, strings(desired, "ManagedPolicyArns"));
        putInline(call, name, inline(desired));
        return new ResourceState(name, model(desired, "Arn", role.arn(), "RoleId", role.roleId()));
    }

    @Override
    protected ResourceState updated(final ResourceCall call) {
        final String name = call.current().physicalId();
        final ObjectNode desired = call.desired();
        if (changed(call, "AssumeRolePolicyDocument")) {
            aws.iam()
                    .updateAssumeRolePolicy(r -> r.roleName(name)
                            .policyDocument(PolicyDocuments.text(desired.get("AssumeRolePolicyDocument")))
                            .overrideConfiguration(as(call)));
            roles.trustChanged(
                    text(call.current().model(), "Arn"), PolicyDocuments.text(desired.get("AssumeRolePolicyDocument")));
        }
        if (changed(call, "Description")) {
            aws.iam()
                    .updateRole(r -> r.roleName(name)
                            .description(text(desired, "Description"))
                            .overrideConfiguration(as(call)));
        }
        final List<String> had = strings(call.previousDesired(), "ManagedPolicyArns");
        final List<String> wanted = strings(desired, "ManagedPolicyArns");
        detach(call, name, minus(had, wanted));
        attach(call, name, minus(wanted, had));
        if (changed(call, "Policies")) {
            final Map<String, JsonNode> inline = inline(desired);
            inline(call.previousDesired()).keySet().stream()
                    .filter(policy -> !inline.containsKey(policy))
                    .forEach(policy -> deleteInline(call, name, policy));
            putInline(call, name, inline);
        }
        return new ResourceState(
                name,
                model(
                        desired,
                        "Arn",
                        text(call.current().model(), "Arn"),
                        "RoleId",
                        text(call.current().model(), "RoleId")));
    }

    /** IAM refuses to delete a role with policies attached or inline: remove them first. */
    @Override
    protected void deleted(final ResourceCall call) {
        final String name = call.current().physicalId();
        inlineNames(call, name).forEach(policy -> deleteInline(call, name, policy));
        aws.iam()
                .listAttachedRolePoliciesPaginator(r -> r.roleName(name).overrideConfiguration(as(call)))
                .attachedPolicies()
                .forEach(policy -> aws.iam()
                        .detachRolePolicy(r ->
                                r.roleName(name).policyArn(policy.policyArn()).overrideConfiguration(as(call))));
        aws.iam().deleteRole(r -> r.roleName(name).overrideConfiguration(as(call)));
        roles.deleted(text(call.current().model(), "Arn"));
    }

    @Override
    protected ObjectNode current(final ResourceCall call) {
        final String name = call.current().physicalId();
        final Role role = aws.iam()
                .getRole(r -> r.roleName(name).overrideConfiguration(as(call)))
                .role();
        final ObjectNode actual = JSON.objectNode();
        actual.put("RoleName", role.roleName());
        actual.put("Path", role.path());
        actual.set("AssumeRolePolicyDocument", PolicyDocuments.parse(role.assumeRolePolicyDocument()));
        if (role.description() != null) {
            actual.put("Description", role.description());
        }
        final List<String> attached = new ArrayList<>();
        aws.iam()
                .listAttachedRolePoliciesPaginator(r -> r.roleName(name).overrideConfiguration(as(call)))
                .attachedPolicies()
                .forEach(policy -> attached.add(policy.policyArn()));
        // What moto cannot hold, the runner remembers (AwsManagedPolicies): count them as attached.
        strings(call.current().model(), "ManagedPolicyArns").stream()
                .filter(AwsManagedPolicies::isAwsManaged)
                .filter(arn -> !attached.contains(arn))
                .forEach(attached::add);
        actual.set("ManagedPolicyArns", array(attached));
        final ArrayNode policies = JSON.arrayNode();
        for (final String policy : inlineNames(call, name)) {
            final String document = aws.iam()
                    .getRolePolicy(r -> r.roleName(name).policyName(policy).overrideConfiguration(as(call)))
                    .policyDocument();
            policies.addObject().put("PolicyName", policy).set("PolicyDocument", PolicyDocuments.parse(document));
        }
        if (!policies.isEmpty()) {
            actual.set("Policies", policies);
        }
        return actual;
    }

    @Override
    public JsonNode normalizeForDrift(final String property, final JsonNode value) {
        if ("AssumeRolePolicyDocument".equals(property)) {
            return PolicyDocuments.normalize(value);
        }
        if ("Policies".equals(property) && value != null && value.isArray()) {
            final ArrayNode normalized = JSON.arrayNode();
            new TreeMap<>(inline(JSON.objectNode().set("Policies", value)))
                    .forEach((policy, document) -> normalized
                            .addObject()
                            .put("PolicyName", policy)
                            .set("PolicyDocument", PolicyDocuments.normalize(document)));
            return normalized;
        }
        return "ManagedPolicyArns".equals(property) ? sorted(value) : value;
    }

    /** The template's inline policies, by name. */
    private static Map<String, JsonNode> inline(final JsonNode properties) {
        final Map<String, JsonNode> policies = new LinkedHashMap<>();
        final JsonNode list = properties == null ? null : properties.get("Policies");
        if (list != null && list.isArray()) {
            list.forEach(p -> policies.put(p.get("PolicyName").asText(), p.get("PolicyDocument")));
        }
        return policies;
    }

    private void putInline(final ResourceCall call, final String role, final Map<String, JsonNode> policies) {
        policies.forEach((policy, document) -> aws.iam()
                .putRolePolicy(r -> r.roleName(role)
                        .policyName(policy)
                        .policyDocument(PolicyDocuments.text(document))
                        .overrideConfiguration(as(call))));
    }

    private void deleteInline(final ResourceCall call, final String role, final String policy) {
        aws.iam().deleteRolePolicy(r -> r.roleName(role).policyName(policy).overrideConfiguration(as(call)));
    }

    private List<String> inlineNames(final ResourceCall call, final String role) {
        final List<String> names = new ArrayList<>();
        aws.iam()
                .listRolePoliciesPaginator(r -> r.roleName(role).overrideConfiguration(as(call)))
                .policyNames()
                .forEach(names::add);
        return names;
    }

    private void attach(final ResourceCall call, final String role, final List<String> policyArns) {
        policyArns.stream()
                .filter(arn -> !AwsManagedPolicies.isAwsManaged(arn))
                .forEach(arn -> aws.iam()
                        .attachRolePolicy(r -> r.roleName(role).policyArn(arn).overrideConfiguration(as(call))));
    }

    private void detach(final ResourceCall call, final String role, final List<String> policyArns) {
        policyArns.stream()
                .filter(arn -> !AwsManagedPolicies.isAwsManaged(arn))
                .forEach(arn -> aws.iam()
                        .detachRolePolicy(r -> r.roleName(role).policyArn(arn).overrideConfiguration(as(call))));
    }
}
