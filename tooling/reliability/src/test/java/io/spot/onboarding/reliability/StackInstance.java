package io.spot.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.CloudFormationStandIn;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.harness.SecretScanner;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One account's stack instance of a StackSet, as CloudFormation runs it: the four Spot resources in
 * the template's order; on a failure, a rollback that deletes, newest first, every resource that was
 * created and the failed one too when its last event named it (CloudFormation then holds its physical
 * ID). The rollback's Deletes carry no {@code rollback} field, which CloudFormation does not promise:
 * the handlers must learn it from the stack's status, which this stack keeps in CloudFormation's
 * stand-in along with its resources. Faults may strike the rollback as well: a Delete that fails
 * retriably is run again, as CloudFormation's continued rollback would.
 */
final class StackInstance {
    static final Set<String> RETRIABLE =
            Set.of("Throttling", "ServiceInternalError", "NetworkFailure", "NotStabilized");

    private final SpotEmulator spot;
    private final String token;
    private final String awsAccount;
    private final String accountProperties;
    private final Map<SpotTypes, HandlerDriver> drivers = new EnumMap<>(SpotTypes.class);
    private final Map<SpotTypes, JsonNode> created = new LinkedHashMap<>();
    private final String roleName;
    private final String roleArn;
    private final String region;
    private final String stackId;
    private final CloudFormationStandIn cloudFormation = CloudFormationStandIn.shared();
    private String accountLogicalId = "SpotAccount";
    private HandlerResponse failure;
    private HandlerResponse rollbackStop;

    /**
     * @param accountProperties the Account resource's properties, as JSON
     * @param roleName          the name of the role this stack creates for Spot (deleted by its rollback)
     */
    StackInstance(
            final SpotEmulator spot,
            final String token,
            final String awsAccount,
            final String accountProperties,
            final String roleName) {
        this(spot, token, awsAccount, accountProperties, roleName, CloudFormationRequest.REGION);
    }

    /** @param region the stack's region: a second stack of the same AWS account runs in another */
    StackInstance(
            final SpotEmulator spot,
            final String token,
            final String awsAccount,
            final String accountProperties,
            final String roleName,
            final String region) {
        this.spot = spot;
        this.region = region;
        this.stackId = CloudFormationStandIn.stackId(region, awsAccount, "StackSet-spot-onboarding-" + awsAccount);
        this.token = token;
        this.awsAccount = awsAccount;
        this.accountProperties = accountProperties;
        this.roleName = roleName;
        this.roleArn = "arn:aws:iam::" + awsAccount + ":role/" + roleName;
        final SecretScanner scanner = new SecretScanner(token);
        for (final SpotTypes type : SpotTypes.values()) {
            drivers.put(
                    type,
                    new HandlerDriver(
                            type.wrapper(),
                            new HandlerContract("AccountId", type == SpotTypes.ACCOUNT),
                            scanner,
                            seconds -> {}));
        }
    }

    /**
     * The same stack instance created anew, as a user retries a failed one: the same stack and resources,
     * and a role with a new generated name (the rolled-back one was deleted).
     */
    StackInstance again() {
        return new StackInstance(spot, token, awsAccount, accountProperties, roleName + "-again", region);
    }

    String awsAccount() {
        return awsAccount;
    }

    String roleArn() {
        return roleArn;
    }

    /** The failed resource's last event, or null when the stack was created. */
    HandlerResponse failure() {
        return failure;
    }

    boolean succeeded() {
        return failure == null;
    }

    /** The Delete that stopped the rollback on purpose (CloudFormation's ROLLBACK_FAILED), or null. */
    HandlerResponse rollbackStop() {
        return rollbackStop;
    }

    /** The Spot account the stack's Account resource ended with, or null. */
    String spotAccount() {
        final JsonNode account = created.get(SpotTypes.ACCOUNT);
        return account == null ? null : account.path("AccountId").asText(null);
    }

    /** How the stack's Account resource holds its Spot account, or null. */
    String ownership() {
        final JsonNode account = created.get(SpotTypes.ACCOUNT);
        return account == null ? null : account.path("Ownership").asText(null);
    }

    /** Creates the stack; on a failure rolls it back, and returns false. */
    boolean createOrRollBack() {
        cloudFormation.stack(stackId, "CREATE_IN_PROGRESS");
        HandlerResponse last = create(SpotTypes.ACCOUNT, CloudFormationRequest.props(accountProperties));
        if (last.errorCode() == null) {
            final String accountId = last.modelText("AccountId");
            final String ownership = last.modelText("Ownership");
            // A Reused account keeps its name: the template would name it after an alias equal to it, or not at all.
            final String name = "Reused".equals(ownership) ? last.modelText("Name") : "alias-" + awsAccount;
            final List<Map.Entry<SpotTypes, String>> rest = List.of(
                    Map.entry(
                            SpotTypes.LINKED_CREDENTIALS,
                            "{\"AccountId\":\"" + accountId + "\",\"RoleArn\":\"" + roleArn
                                    + "\",\"AccountOwnership\":\"" + ownership + "\"}"),
                    Map.entry(
                            SpotTypes.ACCOUNT_ALIAS,
                            "{\"AccountId\":\"" + accountId + "\",\"Name\":\"" + name + "\",\"AccountOwnership\":\""
                                    + ownership + "\"}"),
                    Map.entry(
                            SpotTypes.COST_INTELLIGENCE,
                            "{\"AccountId\":\"" + accountId + "\",\"AccountOwnership\":\"" + ownership + "\"}"));
            for (final Map.Entry<SpotTypes, String> resource : rest) {
                last = create(resource.getKey(), CloudFormationRequest.props(resource.getValue()));
                if (last.errorCode() != null) {
                    break;
                }
            }
        }
        if (last.errorCode() == null) {
            cloudFormation.status(stackId, "CREATE_COMPLETE");
            return true;
        }
        failure = last;
        cloudFormation.status(stackId, "ROLLBACK_IN_PROGRESS");
        deleteAll(true);
        cloudFormation.status(stackId, rollbackStop == null ? "ROLLBACK_COMPLETE" : "ROLLBACK_FAILED");
        return false;
    }

    /** A real stack delete: every resource, newest first. */
    void delete() {
        cloudFormation.status(stackId, "DELETE_IN_PROGRESS");
        deleteAll(false);
        cloudFormation.status(stackId, "DELETE_COMPLETE");
    }

    /**
     * A template edit that renames the Account's logical ID: CloudFormation creates the new resource
     * (which finds the account connected), then deletes the old one in the update's cleanup. Returns the
     * old resource's Delete.
     */
    HandlerResponse renameAccount(final String newLogicalId) {
        cloudFormation.status(stackId, "UPDATE_IN_PROGRESS");
        final String oldLogicalId = accountLogicalId;
        final JsonNode old = created.remove(SpotTypes.ACCOUNT);
        accountLogicalId = newLogicalId;
        final HandlerResponse replacement = create(SpotTypes.ACCOUNT, CloudFormationRequest.props(accountProperties));
        assertThat(replacement.status())
                .as("the replacement " + replacement.message())
                .isEqualTo("SUCCESS");
        cloudFormation.status(stackId, "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS");
        final HandlerResponse cleanup = drivers.get(SpotTypes.ACCOUNT)
                .run(base(SpotTypes.ACCOUNT, "DELETE")
                        .logicalResourceId(oldLogicalId)
                        .properties(old)
                        .json())
                .last();
        cloudFormation.removeResource(stackId, oldLogicalId).status(stackId, "UPDATE_COMPLETE");
        return cleanup;
    }

    private HandlerResponse create(final SpotTypes type, final ObjectNode properties) {
        final HandlerResponse last =
                drivers.get(type).run(request(type, "CREATE", properties)).last();
        if ("SUCCESS".equals(last.status()) || last.hasModel() && last.model().hasNonNull("AccountId")) {
            // What CloudFormation keeps: the model, and the template's write-only properties it passes to Delete.
            created.put(type, CloudFormationRequest.kept(properties, last.model()));
            cloudFormation.resource(
                    stackId,
                    new CloudFormationStandIn.Resource(
                            logicalId(type),
                            type.typeName(),
                            last.model().path("AccountId").asText(),
                            "SUCCESS".equals(last.status()) ? "CREATE_COMPLETE" : "CREATE_FAILED"));
        }
        return last;
    }

    private String logicalId(final SpotTypes type) {
        return type == SpotTypes.ACCOUNT ? accountLogicalId : type.name();
    }

    /** @param rollingBack what CloudFormation knows (the handlers are not told: their Deletes carry no rollback field) */
    private void deleteAll(final boolean rollingBack) {
        final List<SpotTypes> newestFirst = new ArrayList<>(created.keySet());
        Collections.reverse(newestFirst);
        for (final SpotTypes type : newestFirst) {
            HandlerResponse deleted;
            do {
                deleted = drivers.get(type)
                        .run(base(type, "DELETE").properties(created.get(type)).json())
                        .last();
            } while ("FAILED".equals(deleted.status()) && RETRIABLE.contains(deleted.errorCode()));
            if (rollingBack && "InvalidRequest".equals(deleted.errorCode())) {
                // A handler that refuses to go on stops the rollback, and CloudFormation deletes nothing more.
                rollbackStop = deleted;
                break;
            }
            assertThat(deleted.errorCode()).as(type + " " + deleted.message()).isIn(null, "NotFound");
            cloudFormation.resource(
                    stackId,
                    new CloudFormationStandIn.Resource(
                            logicalId(type),
                            type.typeName(),
                            created.get(type).path("AccountId").asText(),
                            "DELETE_COMPLETE"));
        }
        created.clear();
    }

    private ObjectNode request(final SpotTypes type, final String action, final ObjectNode properties) {
        return base(type, action).properties(properties).json();
    }

    private CloudFormationRequest base(final SpotTypes type, final String action) {
        final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
        configuration.putObject("SpotCredentials").put("ApiToken", token).put("ApiUrl", spot.baseUrl());
        return CloudFormationRequest.of(type.typeName(), action)
                .awsAccountId(awsAccount)
                .stack(region, stackId)
                .logicalResourceId(logicalId(type))
                .typeConfiguration(configuration);
    }
}
