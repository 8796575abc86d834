package io.spot.onboarding.runner.env;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.common.handler.SpotTokenResolver;
import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.MotoServer;
import io.spot.onboarding.harness.MutableClock;
import io.spot.onboarding.runner.aws.AwsClients;
import io.spot.onboarding.runner.sim.Scheduler;
import io.spot.onboarding.runner.sim.SimulatedTime;
import io.spot.onboarding.runner.sim.TimeSource;
import io.spot.onboarding.runner.sim.WallClockTime;
import io.spot.onboarding.runner.spot.SpotTypeLoader;
import io.spot.onboarding.runner.types.StackContext;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * Everything a local run stands on: moto_server for AWS, the Spot API (emulated or real), the
 * clock and scheduler, and the resource types. Built once per process.
 */
public final class LocalEnvironment implements AutoCloseable {
    private final AwsClients aws;
    private final SpotTarget spot;
    private final Scheduler scheduler;
    private final TypeRegistry types;
    private final String region;

    private LocalEnvironment(
            final AwsClients aws,
            final SpotTarget spot,
            final Scheduler scheduler,
            final TypeRegistry types,
            final String region) {
        this.aws = aws;
        this.spot = spot;
        this.scheduler = scheduler;
        this.types = types;
        this.region = region;
    }

    /**
     * @param settings what the command line asked for
     * @param token    the Spot token the run uses (the emulator's admin token, or the real one)
     * @param spotTypes the Spot types, loaded with the scanner that fails any handler output holding the token
     */
    public static LocalEnvironment start(final Settings settings, final String token, final SpotTypeLoader spotTypes) {
        MotoServer.shared();
        final AwsClients aws = AwsClients.create(settings.region());
        final SpotTarget spot;
        final TimeSource time;
        if (settings.spotUrl() == null) {
            // Event timestamps read like a real run's, starting now; from there time is simulated.
            final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            spot = SpotTarget.emulated(
                    token, clock, settings.iamPropagation(), settings.rateLimits(), settings.answers());
            time = new SimulatedTime(clock);
        } else {
            spot = SpotTarget.real(settings.spotUrl());
            // A local run: a token it puts in the type configuration (a template without the token
            // secret) may go to the real Spot API too.
            System.setProperty(SpotTokenResolver.ALLOW_CONFIGURED_TOKEN, "allow");
            time = new WallClockTime();
        }
        final Scheduler scheduler = new Scheduler(time, settings.threads());
        return new LocalEnvironment(
                aws, spot, scheduler, new TypeRegistry(aws, spotTypes, spot.roleWatcher()), settings.region());
    }

    /** What the command line fixes about the environment. */
    public record Settings(
            String region,
            String spotUrl,
            Duration iamPropagation,
            List<RateLimitSpec> rateLimits,
            int threads,
            SpotAnswers answers) {}

    /** The runner's own AWS clients (moto), for what happens around the stacks. */
    public AwsClients aws() {
        return aws;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public TypeRegistry types() {
        return types;
    }

    public SpotTarget spot() {
        return spot;
    }

    public String region() {
        return region;
    }

    /**
     * Enters a member account as StackSets do (a session of its execution role) and gives it its
     * IAM account alias; returns the context its stack runs in. The slow part of a job: call it
     * from a scheduler job's work.
     *
     * @param token the Spot token, for the type configuration when no secret will hold it; null
     *              when the template creates cfn/spot/api-token (the handlers read it there)
     */
    public StackContext enter(final MemberAccount account, final String stackName, final String token) {
        final AwsSessionCredentials session = aws.enter(account.accountId(), "spot-local-" + account.index());
        try {
            aws.iam()
                    .createAccountAlias(
                            r -> r.accountAlias(account.alias()).overrideConfiguration(AwsClients.as(session)));
        } catch (EntityAlreadyExistsException alreadyNamed) {
            // A second run in the same moto: the account already has its alias.
        }
        final String stackId = "arn:aws:cloudformation:" + region + ":" + account.accountId() + ":stack/" + stackName
                + "/" + UUID.nameUUIDFromBytes((account.accountId() + stackName).getBytes(StandardCharsets.UTF_8));
        return new StackContext(stackName, stackId, account.accountId(), region, session, typeConfiguration(token));
    }

    /** The type configuration: always the API URL; the token only when no secret provides it. */
    private ObjectNode typeConfiguration(final String token) {
        final ObjectNode configuration = CloudFormationRequest.MAPPER.createObjectNode();
        final ObjectNode credentials = configuration.putObject("SpotCredentials");
        credentials.put("ApiUrl", spot.apiUrl());
        if (token != null) {
            credentials.put("ApiToken", token);
        }
        return configuration;
    }

    @Override
    public void close() {
        scheduler.close();
        spot.close();
        aws.close();
    }
}
