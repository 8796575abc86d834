package io.spot.onboarding.common.wrapper;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.type.TypeReference;
import io.spot.onboarding.common.handler.SpotCallbackContext;
import io.spot.onboarding.common.handler.SpotInvoker;
import io.spot.onboarding.common.handler.SpotResourceHandler;
import io.spot.onboarding.common.handler.SpotTokenSettings;
import io.spot.onboarding.common.handler.SpotType;
import io.spot.onboarding.common.handler.TypeSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.io.IOUtils;
import org.json.JSONObject;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.cloudformation.Action;
import software.amazon.cloudformation.LambdaWrapper;
import software.amazon.cloudformation.exceptions.BaseHandlerException;
import software.amazon.cloudformation.loggers.LambdaLogPublisher;
import software.amazon.cloudformation.proxy.AmazonWebServicesClientProxy;
import software.amazon.cloudformation.proxy.HandlerErrorCode;
import software.amazon.cloudformation.proxy.HandlerRequest;
import software.amazon.cloudformation.proxy.LoggerProxy;
import software.amazon.cloudformation.proxy.ProgressEvent;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;
import software.amazon.cloudformation.proxy.ResourceHandlerTestPayload;

/**
 * What every type's entry point runs in place of the {@code HandlerWrapper} and
 * {@code HandlerWrapperExecutable} that {@code cfn generate} writes. The build compiles the rest of
 * what cfn generates (the models, {@code TypeConfigurationModel}, {@code BaseConfiguration},
 * {@code BaseHandler}) from {@code target/generated-sources/rpdk}, but not those two: each type's own
 * {@code HandlerWrapper} extends this class, which does what the generated one does and differs from it
 * deliberately, here and only here:
 * <ol>
 *   <li><b>The schema check sees the request as sent</b> ({@link #processRequest}): the plugin checks
 *   properties only after a lenient Jackson round trip that turns {@code 42} into {@code "42"}, so
 *   a wrongly typed value would pass (see {@link RawModelCheck}).</li>
 *   <li><b>{@code /tmp} is never emptied outside Lambda</b> ({@link #scrubFiles}): the plugin empties
 *   {@code java.io.tmpdir} on every invocation, which on a developer's machine, in a test or under
 *   {@code cfn test} would be the machine's own {@code /tmp} (see {@link ScratchDirectory}).</li>
 *   <li><b>The partition comes from the region's prefix</b> ({@link #transform}): the generated code
 *   asks the SDK's {@code PartitionMetadata}, which loads the metadata of every AWS service on each
 *   cold start for a value no Spot handler reads (see {@link HandlerDispatch#partition}).</li>
 * </ol>
 * Beside these: one body serves all four types (each type's wrapper only names its handlers and
 * classes), model validation failures say what form each property allows, the Spot types are not
 * taggable so resource-defined tags are always empty, and the generated type configuration is
 * turned into {@link SpotTokenSettings} before any handler sees it, since the generated
 * {@code SpotCredentials} would print the token in its {@code toString}.
 */
public abstract class RegistryLambdaWrapper<M, C extends SpotCallbackContext, T> extends LambdaWrapper<M, C, T> {
    private final TypeSchema schema;
    private final HandlerDispatch<M, C, SpotTokenSettings> dispatch;

    /**
     * @param type     the type's declaration: its schema, read as cfn's generated {@code BaseConfiguration} reads it
     * @param handlers the type's five handlers, each made from the {@link SpotInvoker} a deployed handler uses
     */
    @SafeVarargs
    protected RegistryLambdaWrapper(
            final SpotType<M, C> type, final Function<SpotInvoker, ? extends SpotResourceHandler<M, C>>... handlers) {
        this.schema = type.schema();
        this.dispatch = HandlerDispatch.of(handlers);
    }

    /** cfn's test entry (SAM's {@code TestEntrypoint}): a {@link ResourceHandlerTestPayload} in, the event out. */
    public void testEntrypoint(final InputStream input, final OutputStream output, final Context context)
            throws IOException {
        this.loggerProxy = new LoggerProxy();
        this.loggerProxy.addLogPublisher(new LambdaLogPublisher(context.getLogger()));
        ProgressEvent<M, C> response =
                ProgressEvent.failed(null, null, HandlerErrorCode.InternalFailure, "Uninitialized");
        try {
            final ResourceHandlerTestPayload<M, C, T> payload =
                    serializer.deserialize(IOUtils.toString(input, StandardCharsets.UTF_8), testPayloadType());
            final AmazonWebServicesClientProxy proxy = new AmazonWebServicesClientProxy(
                    loggerProxy, payload.getCredentials(), () -> (long) context.getRemainingTimeInMillis());
            response = invokeHandler(
                    proxy,
                    payload.getRequest(),
                    payload.getAction(),
                    payload.getCallbackContext(),
                    payload.getTypeConfiguration());
        } catch (final BaseHandlerException e) {
            response = ProgressEvent.defaultFailureHandler(e, e.getErrorCode());
        } catch (final AwsServiceException e) {
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.GeneralServiceException);
        } catch (final RuntimeException e) {
            response = ProgressEvent.defaultFailureHandler(e, HandlerErrorCode.InternalFailure);
        } finally {
            writeResponse(output, response);
            output.close();
        }
    }

    /**
     * The plugin's constructor asks for this before any field of ours is set, so the classes come
     * from the type's own declaration: {@code HandlerWrapper extends RegistryLambdaWrapper<ResourceModel, ...>}.
     */
    @Override
    protected TypeReference<HandlerRequest<M, C, T>> getTypeReference() {
        return TypeReferences.of(HandlerRequest.class, typeArguments());
    }

    @Override
    protected TypeReference<M> getModelTypeReference() {
        return TypeReferences.of(typeArguments()[0]);
    }

    private TypeReference<ResourceHandlerTestPayload<M, C, T>> testPayloadType() {
        return TypeReferences.of(ResourceHandlerTestPayload.class, typeArguments());
    }

    private Class<?>[] typeArguments() {
        final ParameterizedType declared = (ParameterizedType) getClass().getGenericSuperclass();
        return Arrays.stream(declared.getActualTypeArguments())
                .map(t -> (Class<?>) t)
                .toArray(Class<?>[]::new);
    }

    @Override
    public ProgressEvent<M, C> invokeHandler(
            final AmazonWebServicesClientProxy proxy,
            final ResourceHandlerRequest<M> request,
            final Action action,
            final C callbackContext,
            final T typeConfiguration) {
        return dispatch.invoke(
                proxy, request, action, callbackContext, SpotTokenSettings.from(typeConfiguration), loggerProxy);
    }

    /** Refuses, before the plugin's lenient round trip, properties the schema refuses as sent. */
    @Override
    public void processRequest(final InputStream input, final OutputStream output) throws IOException {
        final String request = serializer.decompress(IOUtils.toString(input, StandardCharsets.UTF_8));
        final Optional<String> refusal = RawModelCheck.refusal(request, provideResourceSchemaJSONObject());
        if (refusal.isPresent()) {
            writeResponse(output, ProgressEvent.failed(null, null, HandlerErrorCode.InvalidRequest, refusal.get()));
            return;
        }
        super.processRequest(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), output);
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

    /** Read once, as the generated wrapper does; a fresh copy each time, since callers may modify what they get. */
    @Override
    public JSONObject provideResourceSchemaJSONObject() {
        return schema.json();
    }

    /**
     * The plugin's own removal of write-only properties, without the JSON-schema validator it loads for
     * it (see {@link WriteOnlyProperties}), with the same strict round trip through the serializer.
     */
    @Override
    protected M sanitizeModel(final M model) throws IOException {
        final JSONObject json = new JSONObject(serializer.serialize(model));
        WriteOnlyProperties.removeFrom(json, schema.writeOnlyProperties());
        return serializer.deserializeStrict(json.toString(), getModelTypeReference());
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
