package io.spot.onboarding.runner.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.runner.types.ResourceCall;
import io.spot.onboarding.runner.types.ResourceState;
import io.spot.onboarding.runner.types.TypeSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/** AWS::IAM::ManagedPolicy: Ref is the policy ARN. */
public final class ManagedPolicyType extends AwsResourceType {
    public static final String TYPE = "AWS::IAM::ManagedPolicy";
    private static final int MAX_VERSIONS = 5;

    public ManagedPolicyType(final AwsClients aws) {
        super(
                aws,
                new TypeSpec(TYPE, Set.of("ManagedPolicyName", "Path", "Description")),
                Set.of("ManagedPolicyName", "Path", "Description", "PolicyDocument"));
    }

    @Override
    protected ResourceState created(final ResourceCall call) {
        final ObjectNode desired = call.desired();
        final String name = nameOrGenerated(call, "ManagedPolicyName", 128);
        final Policy policy = aws.iam()
                .createPolicy(r -> r.policyName(name)
                        .path(text(desired, "Path"))
                        .description(text(desired, "Description"))
                        .policyDocument(PolicyDocuments.text(desired.get("PolicyDocument")))
                        .overrideConfiguration(as(call)))
                .policy();
        return new ResourceState(
                policy.arn(),
                model(
                        desired,
                        "PolicyArn",
                        policy.arn(),
                        "PolicyId",
                        policy.policyId(),
                        "DefaultVersionId",
                        policy.defaultVersionId()));
    }

    @Override
    protected ResourceState updated(final ResourceCall call) {
        final String arn = call.current().physicalId();
        String version = text(call.current().model(), "DefaultVersionId");
        if (changed(call, "PolicyDocument")) {
            makeRoomForAVersion(call, arn);
            version = aws.iam()
                    .createPolicyVersion(r -> r.policyArn(arn)
                            .setAsDefault(true)
                            .policyDocument(PolicyDocuments.text(call.desired().get("PolicyDocument")))
                            .overrideConfiguration(as(call)))
                    .policyVersion()
                    .versionId();
        }
        return new ResourceState(
                arn,
                model(
                        call.desired(),
                        "PolicyArn",
                        arn,
                        "PolicyId",
                        text(call.current().model(), "PolicyId"),
                        "DefaultVersionId",
                        version));
    }

    /** IAM keeps five versions of a policy: the oldest non-default one goes first. */
    private void makeRoomForAVersion(final ResourceCall call, final String arn) {
        final List<PolicyVersion> versions = aws.iam()
                .listPolicyVersions(r -> r.policyArn(arn).overrideConfiguration(as(call)))
                .versions();
        if (versions.size() >= MAX_VERSIONS) {
            versions.stream()
                    .filter(v -> !v.isDefaultVersion())
                    .min(Comparator.comparing(PolicyVersion::createDate))
                    .ifPresent(oldest -> aws.iam()
                            .deletePolicyVersion(r -> r.policyArn(arn)
                                    .versionId(oldest.versionId())
                                    .overrideConfiguration(as(call))));
        }
    }

    /** IAM refuses to delete a policy still attached anywhere, or with old versions: clear both first. */
    @Override
    protected void deleted(final ResourceCall call) {
        final String arn = call.current().physicalId();
        final ListEntitiesForPolicyResponse entities =
                aws.iam().listEntitiesForPolicy(r -> r.policyArn(arn).overrideConfiguration(as(call)));
        detach(
                call,
                arn,
                "Roles",
                entities.policyRoles().stream().map(e -> e.roleName()).toList());
        detach(
                call,
                arn,
                "Users",
                entities.policyUsers().stream().map(e -> e.userName()).toList());
        detach(
                call,
                arn,
                "Groups",
                entities.policyGroups().stream().map(e -> e.groupName()).toList());
        aws.iam().listPolicyVersions(r -> r.policyArn(arn).overrideConfiguration(as(call))).versions().stream()
                .filter(v -> !v.isDefaultVersion())
                .forEach(v -> aws.iam()
                        .deletePolicyVersion(
                                r -> r.policyArn(arn).versionId(v.versionId()).overrideConfiguration(as(call))));
        aws.iam().deletePolicy(r -> r.policyArn(arn).overrideConfiguration(as(call)));
    }

    @Override
    protected ObjectNode current(final ResourceCall call) {
        final String arn = call.current().physicalId();
        final IamClient iam = aws.iam();
        final Policy policy = iam.getPolicy(r -> r.policyArn(arn).overrideConfiguration(as(call)))
                .policy();
        final String document = iam.getPolicyVersion(r ->
                        r.policyArn(arn).versionId(policy.defaultVersionId()).overrideConfiguration(as(call)))
                .policyVersion()
                .document();
        final ObjectNode actual = JSON.objectNode();
        actual.put("ManagedPolicyName", policy.policyName());
        actual.put("Path", policy.path());
        if (policy.description() != null) {
            actual.put("Description", policy.description());
        }
        actual.set("PolicyDocument", PolicyDocuments.parse(document));
        return actual;
    }

    @Override
    public JsonNode normalizeForDrift(final String property, final JsonNode value) {
        return "PolicyDocument".equals(property) ? PolicyDocuments.normalize(value) : value;
    }

    private void detach(final ResourceCall call, final String arn, final String kind, final List<String> names) {
        for (final String name : names) {
            switch (kind) {
                case "Roles" ->
                    aws.iam()
                            .detachRolePolicy(
                                    r -> r.roleName(name).policyArn(arn).overrideConfiguration(as(call)));
                case "Users" ->
                    aws.iam()
                            .detachUserPolicy(
                                    r -> r.userName(name).policyArn(arn).overrideConfiguration(as(call)));
                default ->
                    aws.iam()
                            .detachGroupPolicy(
                                    r -> r.groupName(name).policyArn(arn).overrideConfiguration(as(call)));
            }
        }
    }
}
