package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.iam.model.Role;

/** AWS::IAM::Role: Ref is the role name; Fn::GetAtt Arn and RoleId. */
public final class RoleType extends AwsResourceType {
    public static final String TYPE = "AWS::IAM::Role";
    private final RoleWatcher roles;

    /** @param roles told each role's ARN and trust as it is created, changed or deleted */
    public RoleType(final AwsClients aws, final RoleWatcher roles) {
        super(
                aws,
                new TypeSpec(TYPE, Set.of("RoleName", "Path")),
                Set.of("RoleName", "Path", "AssumeRolePolicyDocument", "Description", "ManagedPolicyArns"));
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
        return new ResourceState(
                name,
                model(
                        desired,
                        "Arn",
                        text(call.current().model(), "Arn"),
                        "RoleId",
                        text(call.current().model(), "RoleId")));
    }

    /** IAM refuses to delete a role with policies attached: detach them first. */
    @Override
    protected void deleted(final ResourceCall call) {
        final String name = call.current().physicalId();
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
        return actual;
    }

    @Override
    public JsonNode normalizeForDrift(final String property, final JsonNode value) {
        if ("AssumeRolePolicyDocument".equals(property)) {
            return PolicyDocuments.normalize(value);
        }
        return "ManagedPolicyArns".equals(property) ? sorted(value) : value;
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
