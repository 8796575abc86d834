package io.spot.onboarding.common.wrapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.json.JSONObject;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.ExecutableWrapper;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The body of cfn's generated {@code HandlerWrapperExecutable}: the same handlers behind a
 * {@code main} that takes the request JSON as its one argument and prints the response between
 * the markers {@code cfn test} and SAM local look for.
 */
public abstract class RegistryExecutableWrapper<M, C, T> extends ExecutableWrapper<M, C, T> {
    public static final String START_MARKER = "__CFN_RESOURCE_START_RESPONSE__";
    public static final String END_MARKER = "__CFN_RESOURCE_END_RESPONSE__";

    private final SchemaConfiguration configuration;
    private final HandlerDispatch<M, C, T> dispatch;

    protected RegistryExecutableWrapper(final SchemaConfiguration configuration,
                                        final HandlerDispatch<M, C, T> dispatch) {
        this.configuration = configuration;
        this.dispatch = dispatch;
    }

    /** Runs one request and prints the framed response. */
    public void run(final String requestJson, final PrintStream out) throws IOException {
        final ByteArrayOutputStream response = new ByteArrayOutputStream();
        handleRequest(new ByteArrayInputStream(requestJson.getBytes(StandardCharsets.UTF_8)), response);
        out.println(START_MARKER);
        out.println(response.toString(StandardCharsets.UTF_8));
        out.println(END_MARKER);
        out.flush();
    }

    @Override
    public ProgressEvent<M, C> invokeHandler(final AmazonWebServicesClientProxy proxy,
                                             final ResourceHandlerRequest<M> request, final Action action,
                                             final C callbackContext, final T typeConfiguration) {
        return dispatch.invoke(proxy, request, action, callbackContext, typeConfiguration, loggerProxy);
    }

    /** Never empties a tmpdir the machine shares (see {@link ScratchDirectory}). */
    @Override
    protected void scrubFiles() {
        if (ScratchDirectory.mayScrub()) {
            super.scrubFiles();
        }
    }

    /** Adds to the plugin's schema-validation failures the form each named property allows. */
    @Override
    protected void writeResponse(final OutputStream output, final ProgressEvent<M, C> response) throws IOException {
        if (ValidationMessages.isModelValidationFailure(response.getMessage())) {
            response.setMessage(ValidationMessages.explain(response.getMessage(), provideResourceSchemaJSONObject()));
        }
        super.writeResponse(output, response);
    }

    @Override
    public JSONObject provideResourceSchemaJSONObject() {
        return configuration.resourceSchemaJSONObject();
    }

    @Override
    public Map<String, String> provideResourceDefinedTags(final M resourceModel) {
        return null;
    }

    @Override
    protected ResourceHandlerRequest<M> transform(final HandlerRequest<M, C, T> request) throws IOException {
        return HandlerDispatch.transform(request, getDesiredResourceTags(request), getPreviousResourceTags(request));
    }
}
