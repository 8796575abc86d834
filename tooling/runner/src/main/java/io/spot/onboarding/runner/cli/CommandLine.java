package io.spot.onboarding.runner.cli;

import io.spot.onboarding.emulator.SpotAnswers;
import io.spot.onboarding.runner.env.RateLimitSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code [options] [command [Name=value ...]] ...}; no command means {@code demo}. */
public final class CommandLine {
    public static final String USAGE = """
        Usage: spot-local [options] [command [Name=value ...]] ...

        Runs template.yml end to end without AWS or Spot: AWS resources in moto_server, the
        Spot::Onboarding resources through their real handlers against an embedded Spot emulator.
        Commands run in order in one process (a local stack lives as long as the process):

          demo            deploy, change the Spot account out of band, detect-drift, update
                          IncludeCostIntelligence=false, delete (the default command)
          validate        check the template and nothing more: cfn-lint --registry-schemas with the
                          Spot types' schemas (as the template tests run it), then what cfn-lint
                          cannot see (tooling/runner/README.md). Every command but help runs this
                          check first, so needs cfn-lint (pip install cfn-lint); only the commands
                          that make AWS resources need moto_server
          deploy [N=V..]  create the stack (one per account with --accounts)
          update N=V ...  update the stack with new parameter values (others keep theirs)
          migrate [ExistingAccountPolicy=Reuse|Adopt]
                          leave Spot's Lambda-backed StackSet: each account starts with a Spot account
                          linked to the old StackSet's SpotRole, named and enrolled; deploy reuses it
                          (the default: nothing minted or written; the old SpotRole is kept) or
                          adopts it (the old stacks go where Spot uses the new role); then checks
                          that none was deleted, unlinked, renamed or left unreachable
          tamper          out of band, in the emulator: rename the first account's Spot account
                          and link it to another role
          connect-existing  before deploy, in the emulator: give each account a Spot account that
                          predates the stack (connected to a role of its own, not in Cost
                          Intelligence, failing its pre-flight), so the last resource fails and the
                          stack rolls back; remembers Spot as it is
          check-unchanged   compare Spot with what connect-existing remembered; fail on any difference
          detect-drift    report each resource IN_SYNC, MODIFIED or DELETED, with the differences
          delete          delete the stack, in reverse dependency order
          help            this text

        Options:
          --template PATH          the template (default template.yml)
          --param Name=value       a parameter value for deploy (repeatable); SpotApiToken is
                                   generated for the emulator unless given
          --accounts N             simulate a StackSet over N member accounts (default 1)
          --concurrency C          accounts in flight at once (default 1, or 50 with --accounts)
          --rate-limit M:ROUTE=L/W emulator limit, e.g. POST:/setup/account=30/60s (repeatable)
          --iam-propagation S      seconds after its creation before Spot can assume a new role
                                   (default 10)
          --new-external-id keeps-old|replaces-old
                                   how the emulator answers Spot's open question 7: whether a
                                   new external ID leaves the earlier ones valid (default) or
                                   makes a role that trusts only an earlier one unreachable
          --digits-only-names accepted|refused
                                   whether the emulator accepts an account name with no letter
                                   (open question 6; default accepted)
          --organization-header optional|required
                                   whether the emulator's /cbi/v1 routes require
                                   Spotinst-Organization-ID (open question 13; default optional)
          --spot-url URL           use this Spot API instead of the emulator (real time, real
                                   accounts: mind what you deploy)
          --spot-token-env VAR     with --spot-url: the environment variable holding the token
          --region R               the stack's region (default us-east-1)
          --stack-name NAME        (default spot-onboarding)
          --events                 print every event even with --accounts
          --quiet                  print no events, only summaries
          --verbose                also print what the handlers log
          --no-rollback            keep what a failed create or update made
          --threads T              parallel handler invocations per simulated instant (default 8)
          --central-token          the central token option: deploy first creates central-token.yml
                                   (next to the template) in a management account, then passes its
                                   secret's ARN as CentralTokenSecretArn; delete removes it last
          --report FILE            also write each operation's results to FILE as JSON, for a script
                                   or CI: stacks succeeded and failed (with why), drift by status,
                                   Spot calls by route, 429s, response bytes, simulated and wall
                                   time, rate-limit use; rewritten whole when the run ends, even
                                   when an operation failed
        """;

    private CommandLine() {}

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
                    case "--new-external-id" ->
                        answers = answers.with(answer(SpotAnswers.ExternalIds.class, arg, in.value(arg)));
                    case "--digits-only-names" ->
                        answers = answers.with(answer(SpotAnswers.Names.class, arg, in.value(arg)));
                    case "--organization-header" ->
                        answers = answers.with(answer(SpotAnswers.OrganizationHeader.class, arg, in.value(arg)));
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
                    case "--help" -> commands.add(Command.of(Command.HELP));
                    default -> throw new UsageException("unknown option " + arg);
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
                answers,
                commands);
    }

    private static <E extends Enum<E> & SpotAnswers.Option> E answer(
            final Class<E> type, final String arg, final String value) {
        try {
            return SpotAnswers.parse(type, arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg, value);
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
        final int number = nonNegative(option, value);
        if (number == 0) {
            throw new UsageException(option + " must be at least 1");
        }
        return number;
    }

    private static int nonNegative(final String option, final String value) {
        try {
            final int number = Integer.parseInt(value);
            if (number < 0) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " takes a whole number, got '" + value + "'");
        }
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
