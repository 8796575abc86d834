// The executable entry point (`cfn test`, SAM local), as `cfn generate` writes it; it runs the Lambda wrapper.
package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.wrapper.ExecutableEntry;
import java.io.IOException;

public final class HandlerWrapperExecutable {

    private HandlerWrapperExecutable() {
    }

    public static void main(final String[] args) throws IOException {
        ExecutableEntry.main(new HandlerWrapper(), args);
    }
}
