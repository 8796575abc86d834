package io.spot.onboarding.runner.types;

/** What one step of a resource operation reports to the stack engine. */
public sealed interface Progress permits Progress.Done, Progress.Failed, Progress.Waiting {

    /** @param state null after a delete */
    record Done(ResourceState state, String message) implements Progress {}

    record Failed(String errorCode, String message) implements Progress {
        public boolean isNotFound() {
            return "NotFound".equals(errorCode);
        }
    }

    /** Call {@link ResourceTask#advance} again after {@code delaySeconds} (CloudFormation's callback). */
    record Waiting(int delaySeconds, String message) implements Progress {}
}
