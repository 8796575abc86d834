package io.spot.onboarding.runner.aws;

/**
 * Told of every IAM role the run makes, changes or deletes, with its trust policy as moto's IAM holds
 * it: the emulated Spot starts the role's IAM propagation when it is created, and assumes it only
 * with an external ID its trust admits.
 */
public interface RoleWatcher {
    RoleWatcher NONE = new RoleWatcher() {
        @Override
        public void created(final String roleArn, final String trustPolicy) {}

        @Override
        public void trustChanged(final String roleArn, final String trustPolicy) {}

        @Override
        public void deleted(final String roleArn) {}
    };

    void created(String roleArn, String trustPolicy);

    void trustChanged(String roleArn, String trustPolicy);

    void deleted(String roleArn);
}
