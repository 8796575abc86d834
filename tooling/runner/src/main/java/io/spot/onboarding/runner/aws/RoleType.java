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
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** AWS::IAM::Role: Ref is the role name; Fn::GetAtt Arn and RoleId. */
public final class RoleType extends AwsResourceType {
    public static final String TYPE = "AWS::IAM::Role";
    private static final Set<String> UNORDERED = Set.of("ManagedPolicyArns", "Policies", "Tags");
    private final Consumer<String> roleCreated;

    /** @param roleCreated told each new role's ARN: IAM propagation, as the emulated Spot sees it, starts then */
    public RoleType(final AwsClients aws, final Consumer<String> roleCreated) {
        super(
                aws,
                new TypeSpec(TYPE, Set.of("RoleName", "Path")),
                Set.of(
                        "RoleName",
                        "Path",
                        "AssumeRolePolicyDocument",
                        "Description",
                        "MaxSessionDuration",
                        "PermissionsBoundary",
                        "ManagedPolicyArns",
                        "Policies",
                        "Tags"));
        this.roleCreated = roleCreated;
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
                        .maxSessionDuration(integer(desired, "MaxSessionDuration"))
                        .permissionsBoundary(text(desired, "PermissionsBoundary"))
                        .tags(tags(desired))
                        .overrideConfiguration(as(call)))
                .role();
        roleCreated.accept(role.arn());
        attach(call, name, strings(desired, "ManagedPolicyArns"));
        inlinePolicies(desired).forEach((policy, document) -> putInline(call, name, policy, document));
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
        }
        if (changed(call, "Description") || changed(call, "MaxSessionDuration")) {
            aws.iam()
                    .updateRole(r -> r.roleName(name)
                            .description(text(desired, "Description"))
                            .maxSessionDuration(integer(desired, "MaxSessionDuration"))
                            .overrideConfiguration(as(call)));
        }
        if (changed(call, "PermissionsBoundary")) {
            if (text(desired, "PermissionsBoundary") == null) {
                aws.iam().deleteRolePermissionsBoundary(r -> r.roleName(name).overrideConfiguration(as(call)));
            } else {
                aws.iam()
                        .putRolePermissionsBoundary(r -> r.roleName(name)
                                .permissionsBoundary(text(desired, "PermissionsBoundary"))
                                .overrideConfiguration(as(call)));
            }
        }
        final List<String> had = strings(call.previousDesired(), "ManagedPolicyArns");
        final List<String> wanted = strings(desired, "ManagedPolicyArns");
        detach(call, name, minus(had, wanted));
        attach(call, name, minus(wanted, had));
        final Map<String, JsonNode> hadInline = inlinePolicies(call.previousDesired());
        final Map<String, JsonNode> wantedInline = inlinePolicies(desired);
        hadInline.keySet().stream()
                .filter(policy -> !wantedInline.containsKey(policy))
                .forEach(policy -> aws.iam()
                        .deleteRolePolicy(
                                r -> r.roleName(name).policyName(policy).overrideConfiguration(as(call))));
        wantedInline.forEach((policy, document) -> {
            if (!document.equals(hadInline.get(policy))) {
                putInline(call, name, policy, document);
            }
        });
        if (changed(call, "Tags")) {
            final List<String> oldKeys =
                    tags(call.previousDesired()).stream().map(Tag::key).toList();
            final List<String> newKeys = tags(desired).stream().map(Tag::key).toList();
            final List<String> gone = minus(oldKeys, newKeys);
            if (!gone.isEmpty()) {
                aws.iam().untagRole(r -> r.roleName(name).tagKeys(gone).overrideConfiguration(as(call)));
            }
            if (!newKeys.isEmpty()) {
                aws.iam().tagRole(r -> r.roleName(name).tags(tags(desired)).overrideConfiguration(as(call)));
            }
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

    /** IAM refuses to delete a role with policies: detach and delete them first. */
    @Override
    protected void deleted(final ResourceCall call) {
        final String name = call.current().physicalId();
        aws.iam()
                .listAttachedRolePoliciesPaginator(r -> r.roleName(name).overrideConfiguration(as(call)))
                .attachedPolicies()
                .forEach(policy -> aws.iam()
                        .detachRolePolicy(r ->
                                r.roleName(name).policyArn(policy.policyArn()).overrideConfiguration(as(call))));
        aws.iam()
                .listRolePoliciesPaginator(r -> r.roleName(name).overrideConfiguration(as(call)))
                .policyNames()
                .forEach(policy -> aws.iam()
                        .deleteRolePolicy(
                                r -> r.roleName(name).policyName(policy).overrideConfiguration(as(call))));
        aws.iam().deleteRole(r -> r.roleName(name).overrideConfiguration(as(call)));
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
        if (role.maxSessionDuration() != null) {
            actual.put("MaxSessionDuration", role.maxSessionDuration());
        }
        if (role.permissionsBoundary() != null) {
            actual.put("PermissionsBoundary", role.permissionsBoundary().permissionsBoundaryArn());
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
        aws.iam()
                .listRolePoliciesPaginator(r -> r.roleName(name).overrideConfiguration(as(call)))
                .policyNames()
                .forEach(policy -> policies.addObject()
                        .put("PolicyName", policy)
                        .set(
                                "PolicyDocument",
                                PolicyDocuments.parse(aws.iam()
                                        .getRolePolicy(r -> r.roleName(name)
                                                .policyName(policy)
                                                .overrideConfiguration(as(call)))
                                        .policyDocument())));
        actual.set("Policies", policies);
        final ArrayNode tags = JSON.arrayNode();
        role.tags().forEach(tag -> tags.addObject().put("Key", tag.key()).put("Value", tag.value()));
        actual.set("Tags", tags);
        return actual;
    }

    @Override
    public JsonNode normalizeForDrift(final String property, final JsonNode value) {
        if ("AssumeRolePolicyDocument".equals(property)) {
            return PolicyDocuments.normalize(value);
        }
        if ("Policies".equals(property) && value != null && value.isArray()) {
            final ArrayNode normalized = JSON.arrayNode();
            value.forEach(policy -> normalized
                    .addObject()
                    .put("PolicyName", policy.path("PolicyName").asText())
                    .set("PolicyDocument", PolicyDocuments.normalize(policy.get("PolicyDocument"))));
            return sorted(normalized);
        }
        return UNORDERED.contains(property) ? sorted(value) : value;
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

    private void putInline(final ResourceCall call, final String role, final String policy, final JsonNode document) {
        aws.iam()
                .putRolePolicy(r -> r.roleName(role)
                        .policyName(policy)
                        .policyDocument(PolicyDocuments.text(document))
                        .overrideConfiguration(as(call)));
    }

    private static Map<String, JsonNode> inlinePolicies(final JsonNode properties) {
        final Map<String, JsonNode> policies = new LinkedHashMap<>();
        final JsonNode list = properties == null ? null : properties.get("Policies");
        if (list != null && list.isArray()) {
            list.forEach(policy -> policies.put(policy.path("PolicyName").asText(), policy.get("PolicyDocument")));
        }
        return policies;
    }

    private static List<Tag> tags(final JsonNode properties) {
        final List<Tag> tags = new ArrayList<>();
        final JsonNode list = properties == null ? null : properties.get("Tags");
        if (list != null && list.isArray()) {
            list.forEach(tag -> tags.add(Tag.builder()
                    .key(tag.path("Key").asText())
                    .value(tag.path("Value").asText())
                    .build()));
        }
        return tags;
    }
}
