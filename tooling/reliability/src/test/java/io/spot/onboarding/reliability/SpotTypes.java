package io.spot.onboarding.reliability;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.CloudFormationStandIn;
import io.spot.onboarding.harness.HandlerContract;
import io.spot.onboarding.testing.SchemaContract;
import io.spot.onboarding.testing.SpotTypeHarness;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.json.JSONObject;

/** The four types as the reliability suite drives them: through their real HandlerWrapper. */
enum SpotTypes {
    ACCOUNT("spot-account", "spot-onboarding-account.json", io.spot.onboarding.account.HandlerWrapper::new, true, "{}"),
    LINKED_CREDENTIALS(
            "spot-linked-credentials",
            "spot-onboarding-linkedcredentials.json",
            io.spot.onboarding.linkedcredentials.HandlerWrapper::new,
            false,
            "{\"AccountId\":\"act-1a2b3c4d\",\"RoleArn\":\"arn:aws:iam::123456789012:role/SpotRole\"}"),
    ACCOUNT_ALIAS(
            "spot-account-alias",
            "spot-onboarding-accountalias.json",
            io.spot.onboarding.accountalias.HandlerWrapper::new,
            false,
            "{\"AccountId\":\"act-1a2b3c4d\",\"Name\":\"ok\"}"),
    COST_INTELLIGENCE(
            "spot-cost-intelligence",
            "spot-onboarding-costintelligence.json",
            io.spot.onboarding.costintelligence.HandlerWrapper::new,
            false,
            "{\"AccountId\":\"act-1a2b3c4d\"}");

    private final String module;
    private final String schemaFile;
    private final Supplier<? extends RequestStreamHandler> wrapper;
    private final boolean spotAssignsIdentifier;
    private final String validModel;

    SpotTypes(
            final String module,
            final String schemaFile,
            final Supplier<? extends RequestStreamHandler> wrapper,
            final boolean spotAssignsIdentifier,
            final String validModel) {
        this.module = module;
        this.schemaFile = schemaFile;
        this.wrapper = wrapper;
        this.spotAssignsIdentifier = spotAssignsIdentifier;
        this.validModel = validModel;
    }

    Supplier<? extends RequestStreamHandler> wrapper() {
        return wrapper;
    }

    JSONObject schema() {
        return SchemaContract.load(Path.of("")
                .toAbsolutePath()
                .getParent()
                .getParent()
                .resolve(module)
                .resolve(schemaFile));
    }

    String typeName() {
        return schema().getString("typeName");
    }

    /**
     * The type's real wrapper against a fresh emulator. CloudFormation's stand-in starts first, so the
     * CloudFormation client an Account handler builds once per JVM reaches it whichever test runs first.
     */
    SpotTypeHarness harness() {
        CloudFormationStandIn.shared().reset();
        return new SpotTypeHarness(typeName(), wrapper, new HandlerContract("AccountId", spotAssignsIdentifier));
    }

    /** A model the schema accepts, to spoil one property at a time. */
    ObjectNode validModel() {
        return CloudFormationRequest.props(validModel);
    }

    /** The properties a template sets: everything but the read-only ones. */
    List<String> inputProperties() {
        final JSONObject schema = schema();
        final List<String> readOnly = SchemaContract.names(schema, "readOnlyProperties");
        return schema.getJSONObject("properties").keySet().stream()
                .filter(p -> !readOnly.contains(p))
                .sorted()
                .toList();
    }
}
