package io.spot.onboarding.runner.env;

import io.spot.onboarding.emulator.RoleTrust;
import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.MutableClock;
import io.spot.onboarding.runner.aws.RoleWatcher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The Spot API the handlers talk to: the embedded emulator (one Spot organization), or the real one. */
public final class SpotTarget implements AutoCloseable {
    private final String apiUrl;
    private final SpotEmulator emulator;

    private SpotTarget(final String apiUrl, final SpotEmulator emulator) {
        this.apiUrl = apiUrl;
        this.emulator = emulator;
    }

    /**
     * The emulator on the simulated clock, knowing {@code token} as an organization admin token.
     *
     * @param iamPropagation how long a new role stays unassumable by Spot, as in AWS
     * @param answers        how the emulator answers Spot's open questions, its rate limiter's included
     */
    public static SpotTarget emulated(
            final String token,
            final MutableClock clock,
            final Duration iamPropagation,
            final List<RateLimitSpec> rateLimits,
            final SpotAnswers answers) {
        final SpotEmulator emulator = SpotEmulator.builder()
                .token(token)
                .clock(clock)
                .answers(answers)
                .workerThreads(64)
                .build()
                .start();
        emulator.faults().iamPropagationDelay(iamPropagation);
        try {
            rateLimits.forEach(
                    limit -> emulator.faults().rateLimit(limit.method(), limit.route(), limit.limit(), limit.window()));
        } catch (IllegalArgumentException e) {
            emulator.close();
            throw new IllegalArgumentException("--rate-limit: " + e.getMessage(), e);
        }
        return new SpotTarget(emulator.baseUrl(), emulator);
    }

    public static SpotTarget real(final String apiUrl) {
        return new SpotTarget(apiUrl, null);
    }

    public String apiUrl() {
        return apiUrl;
    }

    public Optional<SpotEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** Tells the emulator each role's creation (its IAM propagation starts) and trust; nothing for the real Spot. */
    public RoleWatcher roleWatcher() {
        if (emulator == null) {
            return RoleWatcher.NONE;
        }
        return new RoleWatcher() {
            @Override
            public void created(final String roleArn, final String trustPolicy) {
                emulator.state().roleCreated(roleArn);
                emulator.state().roleTrust(roleArn, RoleTrust.parse(trustPolicy));
            }

            @Override
            public void trustChanged(final String roleArn, final String trustPolicy) {
                emulator.state().roleTrust(roleArn, RoleTrust.parse(trustPolicy));
            }

            @Override
            public void deleted(final String roleArn) {
                emulator.state().roleDeleted(roleArn);
            }
        };
    }

    @Override
    public void close() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
