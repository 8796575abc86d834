package io.spot.onboarding.runner.types;

import io.spot.onboarding.runner.aws.AwsClients;
import io.spot.onboarding.runner.aws.KmsKeyType;
import io.spot.onboarding.runner.aws.ManagedPolicyType;
import io.spot.onboarding.runner.aws.RoleType;
import io.spot.onboarding.runner.aws.RoleWatcher;
import io.spot.onboarding.runner.aws.SecretResourcePolicyType;
import io.spot.onboarding.runner.aws.SecretType;
import io.spot.onboarding.runner.spot.SpotTypeInfo;
import io.spot.onboarding.runner.spot.SpotTypeLoader;
import io.spot.onboarding.runner.spot.TypeUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every resource type the runner can provision, by CloudFormation type name. */
public final class TypeRegistry {
    private final Map<String, ResourceType> aws;
    private final SpotTypeLoader spot;

    /**
     * @param clients null when only the template check will run: the AWS types' specs need no
     *                client, and building one before moto is up would point it at real AWS
     */
    public TypeRegistry(final AwsClients clients, final SpotTypeLoader spot) {
        this(clients, spot, RoleWatcher.NONE);
    }

    /** @param roles told of every role the run creates, changes or deletes */
    public TypeRegistry(final AwsClients clients, final SpotTypeLoader spot, final RoleWatcher roles) {
        this.aws = List.<ResourceType>of(
                        new ManagedPolicyType(clients),
                        new RoleType(clients, roles),
                        new SecretType(clients),
                        new SecretResourcePolicyType(clients),
                        new KmsKeyType(clients))
                .stream()
                .collect(Collectors.toMap(ResourceType::name, Function.identity()));
        this.spot = spot;
    }

    /** @throws TypeUnavailableException with what is wrong, for the template check to report */
    public ResourceType get(final String typeName) {
        final ResourceType type = aws.get(typeName);
        if (type != null) {
            return type;
        }
        if (SpotTypeInfo.isSpotType(typeName)) {
            return spot.load(typeName);
        }
        throw new TypeUnavailableException("the local runner cannot create " + typeName + " resources (it supports "
                + String.join(", ", aws.keySet().stream().sorted().toList()) + " and the Spot::Onboarding types)");
    }
}
