// The executable entry point (`cfn test --docker-image`, SAM local), in place of the one `cfn generate` writes: it
// runs this type's HandlerWrapper, so it differs from the generated one as RegistryLambdaWrapper says.
package io.spot.onboarding.linkedcredentials;

import io.spot.onboarding.common.wrapper.ExecutableEntry;
import java.io.IOException;

public final class HandlerWrapperExecutable {

    private HandlerWrapperExecutable() {}

    public static void main(final String[] args) throws IOException {
        ExecutableEntry.main(new HandlerWrapper(), args);
    }
}
