package io.spot.onboarding.runner.cli;

import java.util.Map;
import java.util.Set;

/**
 * One command of a run, with the parameter values given after it ({@code update Name=value}).
 * Commands chain in one process, since a local stack lives only as long as the process:
 * {@code deploy detect-drift delete}.
 */
public record Command(String name, Map<String, String> parameters) {
    public static final String DEPLOY = "deploy";
    public static final String UPDATE = "update";
    public static final String DETECT_DRIFT = "detect-drift";
    public static final String TAMPER = "tamper";
    public static final String CONNECT_EXISTING = "connect-existing";
    public static final String CHECK_UNCHANGED = "check-unchanged";
    public static final String DELETE = "delete";
    public static final String DEMO = "demo";
    public static final String MIGRATE = "migrate";
    public static final String VALIDATE = "validate";
    public static final String HELP = "help";

    public static final Set<String> NAMES = Set.of(
            DEPLOY,
            UPDATE,
            DETECT_DRIFT,
            TAMPER,
            CONNECT_EXISTING,
            CHECK_UNCHANGED,
            DELETE,
            DEMO,
            MIGRATE,
            VALIDATE,
            HELP);

    public Command {
        parameters = Map.copyOf(parameters);
    }

    public static Command of(final String name) {
        return new Command(name, Map.of());
    }
}
