package io.spot.onboarding.runner.cli;

import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.runner.env.RateLimitSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code [options] [command [Name=value ...]] ...}; no command means {@code demo}. */
public final class CommandLine {
    /**
     * Every command and option, from {@code usage.txt} beside this class, which the spot-local script also
     * prints for {@code help} without building the runner.
     */
    public static final String USAGE = usage();

    private CommandLine() {}

    private static String usage() {
        try (InputStream in = CommandLine.class.getResourceAsStream("usage.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the runner's usage.txt is missing from its jar", e);
        }
    }

    public static Options parse(final String... args) {
        Path template = Path.of("template.yml");
        final Map<String, String> parameters = new LinkedHashMap<>();
        int accounts = 1;
        Integer concurrency = null;
        String spotUrl = null;
        String spotTokenEnv = null;
        Duration iamPropagation = Duration.ofSeconds(10);
        final List<RateLimitSpec> rateLimits = new ArrayList<>();
        String region = "us-east-1";
        String stackName = "spot-onboarding";
        int threads = 8;
        boolean events = false;
        boolean quiet = false;
        boolean verbose = false;
        boolean rollback = true;
        boolean centralToken = false;
        Path report = null;
        Path reportHtml = null;
        SpotAnswers answers = SpotAnswers.DEFAULT;
        final List<Command> commands = new ArrayList<>();
        String currentCommand = null;
        Map<String, String> commandParameters = null;

        final Arguments in = new Arguments(args);
        while (in.hasNext()) {
            final String arg = in.next();
            if (arg.startsWith("--")) {
                switch (in.optionName(arg)) {
                    case "--template" -> template = Path.of(in.value(arg));
                    case "--param" -> assignment(in.value(arg), parameters);
                    case "--accounts" -> accounts = positive(arg, in.value(arg));
                    case "--concurrency" -> concurrency = positive(arg, in.value(arg));
                    case "--rate-limit" -> rateLimits.add(rateLimit(in.value(arg)));
                    case "--iam-propagation" -> iamPropagation = Duration.ofSeconds(nonNegative(arg, in.value(arg)));
                    case "--spot-url" -> spotUrl = in.value(arg);
                    case "--spot-token-env" -> spotTokenEnv = in.value(arg);
                    case "--region" -> region = in.value(arg);
                    case "--stack-name" -> stackName = in.value(arg);
                    case "--threads" -> threads = positive(arg, in.value(arg));
                    case "--events" -> events = true;
                    case "--quiet" -> quiet = true;
                    case "--verbose" -> verbose = true;
                    case "--no-rollback" -> rollback = false;
                    case "--central-token" -> centralToken = true;
                    case "--report" -> report = Path.of(in.value(arg));
                    case "--report-html" -> reportHtml = Path.of(in.value(arg));
                    case "--help" -> commands.add(Command.of(Command.HELP));
                    default -> answers = answer(answers, arg, in);
                }
            } else if (Command.NAMES.contains(arg)) {
                if (currentCommand != null) {
                    commands.add(new Command(currentCommand, commandParameters));
                }
                currentCommand = arg;
                commandParameters = new LinkedHashMap<>();
            } else if (arg.contains("=")
                    && (Command.UPDATE.equals(currentCommand)
                            || Command.DEPLOY.equals(currentCommand)
                            || Command.MIGRATE.equals(currentCommand))) {
                assignment(arg, commandParameters);
            } else {
                throw new UsageException("unknown command or misplaced argument '" + arg + "' (commands: "
                        + String.join(", ", Command.NAMES.stream().sorted().toList()) + ")");
            }
        }
        if (currentCommand != null) {
            commands.add(new Command(currentCommand, commandParameters));
        }
        if (commands.isEmpty()) {
            commands.add(Command.of(Command.DEMO));
        }
        if (commands.stream()
                .anyMatch(c -> c.name().equals(Command.UPDATE) && c.parameters().isEmpty())) {
            throw new UsageException("update needs new parameter values: update Name=value ...");
        }
        if (spotUrl != null && spotTokenEnv == null) {
            throw new UsageException("--spot-url needs --spot-token-env VAR: the environment variable that holds the "
                    + "Spot token (a token is never a command-line argument)");
        }
        if (quiet && events) {
            throw new UsageException("--quiet and --events contradict each other");
        }
        return new Options(
                template,
                parameters,
                accounts,
                concurrency != null ? concurrency : accounts == 1 ? 1 : Math.min(accounts, 50),
                spotUrl,
                spotTokenEnv,
                iamPropagation,
                rateLimits,
                region,
                stackName,
                threads,
                events,
                quiet,
                verbose,
                rollback,
                centralToken,
                report,
                reportHtml,
                answers,
                commands);
    }

    /** An answer to one of Spot's open questions ({@link SpotAnswers#OPTIONS}), or an unknown option. */
    private static SpotAnswers answer(final SpotAnswers answers, final String arg, final Arguments in) {
        final String option = in.optionName(arg);
        if (!SpotAnswers.OPTIONS.contains(option)) {
            throw new UsageException("unknown option " + arg);
        }
        try {
            return answers.with(option, in.value(arg));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void assignment(final String text, final Map<String, String> into) {
        final int equals = text.indexOf('=');
        if (equals <= 0) {
            throw new UsageException("expected Name=value, got '" + text + "'");
        }
        into.put(text.substring(0, equals), text.substring(equals + 1));
    }

    private static RateLimitSpec rateLimit(final String text) {
        try {
            return RateLimitSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int positive(final String option, final String value) {
        return atLeast(1, option, value);
    }

    private static int nonNegative(final String option, final String value) {
        return atLeast(0, option, value);
    }

    private static int atLeast(final int least, final String option, final String value) {
        try {
            final int number = Integer.parseInt(value);
            if (number >= least) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, in the same words
        }
        throw new UsageException(
                option + " takes a whole number from " + least + " to " + Integer.MAX_VALUE + ", got '" + value + "'");
    }

    /** The argument list, with {@code --name value} and {@code --name=value} both accepted. */
    private static final class Arguments {
        private final String[] args;
        private int position;

        Arguments(final String[] args) {
            this.args = args;
        }

        boolean hasNext() {
            return position < args.length;
        }

        String next() {
            return args[position++];
        }

        String optionName(final String arg) {
            final int equals = arg.indexOf('=');
            return equals < 0 ? arg : arg.substring(0, equals);
        }

        String value(final String arg) {
            final int equals = arg.indexOf('=');
            if (equals >= 0) {
                return arg.substring(equals + 1);
            }
            if (!hasNext()) {
                throw new UsageException(arg + " needs a value");
            }
            return next();
        }
    }
}
