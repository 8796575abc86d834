package io.spot.onboarding.common.wrapper;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A Lambda {@link Context} for running a handler outside Lambda (the executable entry point, the
 * local runner, tests): it answers what the wrapper asks and sends log lines to {@link #log}.
 */
public abstract class LocalLambdaContext implements Context {
    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(final String message) {
            LocalLambdaContext.this.log(message);
        }

        @Override
        public void log(final byte[] message) {
            LocalLambdaContext.this.log(new String(message, StandardCharsets.UTF_8));
        }
    };

    protected abstract void log(String line);

    @Override
    public String getAwsRequestId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/spot-onboarding-local";
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return "spot-onboarding-local";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:spot-onboarding-local";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** CloudFormation gives a handler up to 60 s per invocation. */
    @Override
    public int getRemainingTimeInMillis() {
        return 60_000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
