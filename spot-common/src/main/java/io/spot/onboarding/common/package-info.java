/**
 * What the four registry types share, shipped inside each type's jar. Every request CloudFormation
 * sends takes one path through it, the same for every type and action:
 *
 * <ol>
 *   <li><b>Entry.</b> Lambda calls the type's {@code HandlerWrapper} (cfn's name, kept because the
 *   SAM templates and {@code cfn test} use it). It only names the type's declaration and its five
 *   handlers; the body is {@link io.spot.onboarding.common.wrapper.RegistryLambdaWrapper}, the
 *   plugin's {@code LambdaWrapper} with the differences it lists. The type's
 *   {@code HandlerWrapperExecutable} runs the same wrapper from a command line
 *   ({@link io.spot.onboarding.common.wrapper.ExecutableEntry}).</li>
 *   <li><b>Schema check.</b> A Create's or Update's properties are checked against the type's schema
 *   as sent ({@code RawModelCheck}); a refusal is InvalidRequest and names the form each property
 *   allows ({@link io.spot.onboarding.common.wrapper.ValidationMessages}). The plugin then reads the
 *   request, and the wrapper turns the type configuration into
 *   {@link io.spot.onboarding.common.handler.SpotTokenSettings}.</li>
 *   <li><b>Dispatch.</b> {@link io.spot.onboarding.common.wrapper.HandlerDispatch} finds the handler
 *   for the action.</li>
 *   <li><b>Handler.</b> The type's handler extends
 *   {@link io.spot.onboarding.common.handler.SpotResourceHandler} (through the type's own base, such
 *   as {@code AccountHandler}, which holds the type's {@link io.spot.onboarding.common.handler.SpotType}
 *   and what its five handlers share). It gathers what the invocation works with into one
 *   {@link io.spot.onboarding.common.handler.SpotResourceHandler.HandlerCall}.</li>
 *   <li><b>Spot.</b> {@link io.spot.onboarding.common.handler.SpotInvoker} waits out what is left of a
 *   rate-limit wait without calling anyone, resolves the Spot API token
 *   ({@link io.spot.onboarding.common.handler.SpotTokenResolver}) and builds the client
 *   ({@link io.spot.onboarding.common.api.SpotApiClient}). Then {@code RequestChecks} refuses, from
 *   the type's schema ({@link io.spot.onboarding.common.handler.TypeSchema}), what no type accepts: a
 *   change to a create-only property, an identifier that is no Spot account ID. Only then does the
 *   handler's {@code handle} run: the resource's own logic, and its Spot calls.</li>
 *   <li><b>Event.</b> The handler answers with one of the shapes of
 *   {@link io.spot.onboarding.common.handler.Events}. A Spot failure it does not handle itself is
 *   turned by {@code SpotInvoker} into IN_PROGRESS with a wait
 *   ({@link io.spot.onboarding.common.handler.RetryPolicy}), or into FAILED with the error code and
 *   message of {@link io.spot.onboarding.common.handler.SpotFailures}.</li>
 * </ol>
 *
 * <p>Four things here could be called credentials; each has its own name:
 * <ul>
 *   <li>the caller's AWS credentials, which CloudFormation passes and the plugin's
 *   {@code AmazonWebServicesClientProxy} carries: used only to read a Secrets Manager secret and
 *   the AWS account alias;</li>
 *   <li>the Spot API token, found by {@link io.spot.onboarding.common.handler.SpotTokenResolver} from
 *   {@link io.spot.onboarding.common.handler.SpotTokenSettings} (the type configuration's
 *   {@code SpotCredentials}, a schema name that stays);</li>
 *   <li>the IAM role Spot assumes in an AWS account, {@link io.spot.onboarding.common.api.RoleLink}
 *   (what Spot's API calls the account's AWS credentials, at {@code /setup/credentials/aws});</li>
 *   <li>{@code Spot::Onboarding::LinkedCredentials}, the registry type that manages that link (a
 *   public type name, which stays).</li>
 * </ul>
 */
package io.spot.onboarding.common;
