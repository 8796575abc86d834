package io.spot.onboarding.common.wrapper;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What cfn's generated {@code HandlerWrapperExecutable} does, for every type: the request JSON as
 * the one argument, the handler's response on stdout between the markers {@code cfn test} and SAM
 * local look for, the handler's log on stderr. It runs the very wrapper Lambda runs.
 */
public final class ExecutableEntry {
    public static final String START_MARKER = "__CFN_RESOURCE_START_RESPONSE__";
    public static final String END_MARKER = "__CFN_RESOURCE_END_RESPONSE__";

    private ExecutableEntry() {}

    public static void main(final RequestStreamHandler wrapper, final String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: java -jar <handler jar> '<CloudFormation request JSON>'");
            System.exit(1);
        }
        run(wrapper, args[0], System.out, System.err);
    }

    public static void run(
            final RequestStreamHandler wrapper, final String request, final PrintStream out, final PrintStream log)
            throws IOException {
        final ByteArrayOutputStream response = new ByteArrayOutputStream();
        wrapper.handleRequest(
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), response, new LocalLambdaContext() {
                    @Override
                    protected void log(final String line) {
                        log.println(line);
                    }
                });
        out.println(START_MARKER);
        out.println(response.toString(StandardCharsets.UTF_8));
        out.println(END_MARKER);
        out.flush();
    }
}
