// The executable entry point (`cfn test`, SAM local), as `cfn generate` writes it.
package io.spot.onboarding.costintelligence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.spot.onboarding.common.config.TypeConfigurationModel;
import io.spot.onboarding.common.wrapper.RegistryExecutableWrapper;
import java.io.IOException;
import software.amazon.cloudformation.proxy.HandlerRequest;

public final class HandlerWrapperExecutable
    extends RegistryExecutableWrapper<ResourceModel, CallbackContext, TypeConfigurationModel> {

    public HandlerWrapperExecutable() {
        super(new Configuration(), Handlers.dispatch());
    }

    public static void main(final String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: HandlerWrapperExecutable '<request JSON>'");
            System.exit(1);
        }
        new HandlerWrapperExecutable().run(args[0], System.out);
    }

    @Override
    protected TypeReference<HandlerRequest<ResourceModel, CallbackContext, TypeConfigurationModel>> getTypeReference() {
        return new TypeReference<>() { };
    }

    @Override
    protected TypeReference<ResourceModel> getModelTypeReference() {
        return new TypeReference<>() { };
    }
}
