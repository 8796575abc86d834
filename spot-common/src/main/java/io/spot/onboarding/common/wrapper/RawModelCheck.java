package io.spot.onboarding.common.wrapper;

import java.util.Optional;
import org.json.JSONException;
import org.json.JSONObject;
import software.amazon.cloudformation.resource.Validator;
import software.amazon.cloudformation.resource.exceptions.ValidationException;

/**
 * Checks a Create's or Update's properties against the schema exactly as CloudFormation sent them.
 * The plugin checks them only after a lenient Jackson round trip that coerces: {@code 42} becomes
 * {@code "42"} and {@code 2} becomes {@code true}, so a wrongly typed value would pass as a right one.
 */
final class RawModelCheck {
    private static final Validator VALIDATOR = new Validator();

    private RawModelCheck() {}

    /** The refusal, in the plugin's words, or empty when the properties conform or this is not a first call. */
    static Optional<String> refusal(final String requestJson, final JSONObject schema) {
        final JSONObject request;
        try {
            request = new JSONObject(requestJson);
        } catch (JSONException e) {
            return Optional.empty(); // not ours to judge: the plugin reports an unreadable request
        }
        final String action = request.optString("action");
        final boolean firstCall = request.isNull("callbackContext");
        final JSONObject data = request.optJSONObject("requestData");
        if (!firstCall || data == null || !("CREATE".equals(action) || "UPDATE".equals(action))) {
            return Optional.empty();
        }
        final JSONObject properties = data.optJSONObject("resourceProperties");
        if (properties == null) {
            return Optional.empty();
        }
        try {
            VALIDATOR.validateObject(properties, schema);
            return Optional.empty();
        } catch (ValidationException e) {
            return Optional.of("Model validation failed (" + ValidationException.buildFullExceptionMessage(e) + ")");
        }
    }
}
