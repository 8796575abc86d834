package io.spot.onboarding.runner.template;

/**
 * @param path the CloudFormation path of the value, such as Resources/SpotAccount/Properties/Name,
 *             or null when the location alone says it
 */
public record TemplateProblem(Location location, String path, String message) {

    @Override
    public String toString() {
        return location + ": " + (path == null ? "" : path + ": ") + message;
    }
}
