package io.spot.onboarding.runner;

import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.emulator.VisibleAccount;
import io.spot.onboarding.harness.SecretScanner;
import io.spot.onboarding.runner.aws.AwsClients;
import io.spot.onboarding.runner.check.CfnLint;
import io.spot.onboarding.runner.check.TemplateCheck;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.cli.Options;
import io.spot.onboarding.runner.cli.UsageException;
import io.spot.onboarding.runner.env.LocalEnvironment;
import io.spot.onboarding.runner.env.MemberAccount;
import io.spot.onboarding.runner.eval.ParameterValues;
import io.spot.onboarding.runner.migrate.LegacyStackSet;
import io.spot.onboarding.runner.migrate.MigrationCheck;
import io.spot.onboarding.runner.output.Console;
import io.spot.onboarding.runner.output.EventPrinter;
import io.spot.onboarding.runner.output.ProgressLine;
import io.spot.onboarding.runner.output.SummaryTable;
import io.spot.onboarding.runner.spot.SpotTypeLoader;
import io.spot.onboarding.runner.stack.DriftResult;
import io.spot.onboarding.runner.stack.OperationOutcome;
import io.spot.onboarding.runner.stack.Stack;
import io.spot.onboarding.runner.stack.StackEngine;
import io.spot.onboarding.runner.stack.StackResource;
import io.spot.onboarding.runner.stackset.ApiCalls;
import io.spot.onboarding.runner.stackset.ConcurrentStacks;
import io.spot.onboarding.runner.stackset.RunSummary;
import io.spot.onboarding.runner.template.ResourceDecl;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateParser;
import io.spot.onboarding.runner.template.TemplateValue;
import io.spot.onboarding.runner.types.StackContext;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One local run: the template read and checked once, then the commands in order against one
 * environment (moto, the Spot emulator, a simulated clock). Stacks live in memory for the run.
 */
public final class LocalRun implements AutoCloseable {
    /** The secret the onboarding template creates and the handlers read the token from. */
    static final String TOKEN_SECRET = "cfn/spot/api-token";

    static final String TOKEN_PARAMETER = "SpotApiToken";
    static final String RENAMED = "renamed-out-of-band";
    /** --central-token: the template, in deploy/ beside the onboarding one, and its stack in the management account. */
    static final String CENTRAL_TEMPLATE = "deploy/central-token.yml";

    static final String CENTRAL_STACK = "spot-onboarding-central-token";
    static final String CENTRAL_PARAMETER = "CentralTokenSecretArn";
    static final String ORGANIZATION_ID = "o-spotlocal01";
    static final String EXISTING_ACCOUNT_POLICY = "ExistingAccountPolicy";

    private final Options options;
    private final Console console;
    private final SecretScanner scanner = new SecretScanner();
    private final SpotTypeLoader spotTypes = new SpotTypeLoader(scanner);
    private final List<Stack> stacks = new ArrayList<>();
    private Stack centralStack;
    private final Map<String, String> spotAccounts = new ConcurrentHashMap<>();
    private final List<RunSummary> summaries = new ArrayList<>();
    private final Function<String, String> processEnvironment;
    private Template template;
    private LocalEnvironment environment;
    private StackEngine engine;
    private ProgressLine progress;
    private String token;
    private int recordedRequests;
    private List<VisibleAccount> spotBefore;

    public LocalRun(final Options options, final Console console) {
        this(options, console, System::getenv);
    }

    /** @param environment the process environment, where --spot-token-env names the token's variable */
    LocalRun(final Options options, final Console console, final Function<String, String> environment) {
        this.options = options;
        this.console = console;
        this.processEnvironment = environment;
    }

    /** @return the process exit code: 0 when every operation succeeded */
    public int execute() {
        if (!start()) {
            return 0;
        }
        boolean succeeded = true;
        for (final Command command : options.commands()) {
            succeeded &= run(command);
        }
        return succeeded ? 0 : 1;
    }

    /**
     * Checks the template with cfn-lint (and central-token.yml with --central-token), reads it and
     * checks what cfn-lint cannot see, then (unless the run only validates) starts the environment.
     *
     * @return false when there is nothing more to do
     */
    boolean start() {
        final CfnLint lint = new CfnLint();
        lint.check(options.template(), console::line);
        if (options.centralToken()) {
            lint.check(centralTemplate(), console::line);
        }
        template = TemplateParser.parse(options.template());
        TemplateCheck.check(template, new TypeRegistry(null, spotTypes));
        console.line(
                "Checked " + options.template() + ": " + template.parameters().size() + " parameters, "
                        + template.resources().size() + " resources ("
                        + template.resources().values().stream()
                                .map(ResourceDecl::type)
                                .distinct()
                                .collect(Collectors.joining(", "))
                        + "), with cfn-lint and the Spot types' schemas.");
        checkParameters();
        if (options.commands().stream().allMatch(c -> c.name().equals(Command.VALIDATE))) {
            return false;
        }
        token = chooseToken();
        console.secret(token);
        scanner.register(token);
        environment = LocalEnvironment.start(
                new LocalEnvironment.Settings(
                        options.region(),
                        options.spotUrl(),
                        options.iamPropagation(),
                        options.rateLimits(),
                        options.threads(),
                        options.answers()),
                token,
                spotTypes);
        final boolean many = options.stackSet();
        final EventPrinter.Detail detail = options.quiet()
                ? EventPrinter.Detail.NONE
                : many && !options.events() ? EventPrinter.Detail.PROBLEMS : EventPrinter.Detail.ALL;
        engine = new StackEngine(
                environment.types(),
                environment.scheduler(),
                new EventPrinter(console, detail, many, options.verbose()),
                options.rollback());
        progress = new ProgressLine(console, environment.scheduler());
        return true;
    }

    /**
     * Every command's parameter values against the template's Parameters, before the first command
     * runs: a misspelt name in a later command must not be found after the earlier ones have run.
     */
    private void checkParameters() {
        final List<String> refusals = new ArrayList<>();
        ParameterValues.refusals(template, options.parameters()).forEach(r -> refusals.add("--param " + r));
        for (final Command command : options.commands()) {
            if (command.name().equals(Command.MIGRATE)) {
                command.parameters().forEach((name, value) -> {
                    if (!name.equals(EXISTING_ACCOUNT_POLICY)) {
                        refusals.add("migrate takes only " + EXISTING_ACCOUNT_POLICY + "=Reuse|Adopt, not " + name);
                    } else if (!value.equals("Reuse") && !value.equals("Adopt")) {
                        refusals.add("migrate: " + EXISTING_ACCOUNT_POLICY + " must be Reuse or Adopt, was " + value);
                    }
                });
            } else {
                ParameterValues.refusals(template, command.parameters())
                        .forEach(r -> refusals.add(command.name() + ": " + r));
            }
        }
        if (!refusals.isEmpty()) {
            throw new UsageException(options.template() + ": nothing has run, since "
                    + (refusals.size() == 1 ? "a parameter value is" : refusals.size() + " parameter values are")
                    + " refused:\n  " + String.join("\n  ", refusals));
        }
    }

    private Path centralTemplate() {
        return options.template().toAbsolutePath().resolveSibling(CENTRAL_TEMPLATE);
    }

    LocalEnvironment environment() {
        return environment;
    }

    /** The run's Spot token: tests scan the output for it. */
    String token() {
        return token;
    }

    public List<RunSummary> summaries() {
        return List.copyOf(summaries);
    }

    public List<Stack> stacks() {
        return List.copyOf(stacks);
    }

    boolean run(final Command command) {
        return switch (command.name()) {
            case Command.VALIDATE -> true;
            case Command.DEPLOY -> deploy(command.parameters());
            case Command.UPDATE -> update(command.parameters());
            case Command.DETECT_DRIFT -> detectDrift();
            case Command.TAMPER -> tamper();
            case Command.CONNECT_EXISTING -> connectExisting();
            case Command.CHECK_UNCHANGED -> checkUnchanged();
            case Command.DELETE -> delete();
            case Command.DEMO -> demo();
            case Command.MIGRATE -> migrate(command.parameters());
            default -> throw new IllegalStateException(command.name());
        };
    }

    /** The demo: the README's main command. */
    private boolean demo() {
        boolean succeeded = deploy(Map.of());
        if (!succeeded) {
            // What rolled back is still a stack (ROLLBACK_COMPLETE) until deleted, as in CloudFormation.
            if (!stacks.isEmpty()) {
                delete();
            }
            return false;
        }
        succeeded &= tamper();
        succeeded &= detectDrift();
        if (template.parameters().containsKey("IncludeCostIntelligence")) {
            succeeded &= update(Map.of("IncludeCostIntelligence", "false"));
        }
        return delete() && succeeded;
    }

    /**
     * The Spot side of deploy/migrate-from-spot-stackset.sh: the accounts start as Spot's StackSet
     * left them; the new stacks reuse them (the default) or adopt them; the old stacks are removed
     * (their custom resources retained: no Spot call), with Reuse keeping the old SpotRole, with
     * Adopt only where Spot uses the new role; and the emulator and moto are checked.
     */
    private boolean migrate(final Map<String, String> commandParameters) {
        // Checked with every command's parameters before the run started.
        final String policy = commandParameters.getOrDefault(EXISTING_ACCOUNT_POLICY, "Reuse");
        final boolean adopt = policy.equals("Adopt");
        final SpotEmulator emulator = environment.spot().emulator().orElse(null);
        if (emulator == null) {
            console.line(
                    "migrate: skipped, it seeds the emulator with Spot's StackSet's accounts and this run uses the "
                            + "real Spot API");
            return false;
        }
        if (!template.parameters().containsKey(EXISTING_ACCOUNT_POLICY)) {
            throw new IllegalStateException("migrate: the template has no " + EXISTING_ACCOUNT_POLICY + " parameter: "
                    + "run it with the onboarding template.yml");
        }
        final List<MemberAccount> accounts = MemberAccount.organization(options.accounts());
        final LegacyStackSet legacy = LegacyStackSet.seed(environment.aws(), emulator, accounts);
        final int before = emulator.state().accounts().size();
        header(
                "migrate",
                accounts.size() + " account" + (accounts.size() == 1 ? "" : "s") + " enrolled by Spot's "
                        + "Lambda-backed StackSet: each Spot account linked to the old stack's "
                        + LegacyStackSet.OLD_ROLE
                        + ", named after the alias, enrolled in Cost Intelligence"
                        + "\n   Step 1 (retain): Spot's template with DeletionPolicy Retain on its custom resources"
                        + (adopt ? "" : " and its SpotRole") + "; a StackSet update "
                        + "that changes no property, so no Spot Lambda runs: 0 Spot API calls"
                        + "\n   Step 2 (deploy): the onboarding template with " + EXISTING_ACCOUNT_POLICY + "="
                        + policy);
        final boolean deployed = deploy(Map.of(EXISTING_ACCOUNT_POLICY, policy));
        final Map<String, Stack> byAccount = stacks.stream().collect(Collectors.toMap(Stack::accountId, s -> s));
        final MigrationCheck taken = MigrationCheck.of(emulator, legacy, byAccount, before, adopt);
        final int requests = emulator.requests().size();
        int removed = 0;
        for (final MigrationCheck.AccountState account : taken.accounts()) {
            if (adopt ? account.usesNewRole() : account.held()) {
                legacy.removeOldStack(account.legacy(), adopt);
                removed++;
            }
        }
        header(
                "migrate",
                "Step 3 (remove): the old stack deleted in " + removed + " account" + (removed == 1 ? "" : "s")
                        + (adopt
                                ? " whose Spot account uses the new role (its SpotRole goes"
                                : " whose new stack is complete (its SpotRole stays, Spot still uses it")
                        + "; its custom resources are retained), kept in "
                        + (accounts.size() - removed) + "; Spot API calls: "
                        + (emulator.requests().size() - requests)
                        + "\n   Step 4 (delete): the old StackSet, once it holds no stack");
        final MigrationCheck result = MigrationCheck.of(emulator, legacy, byAccount, before, adopt);
        console.line();
        result.lines().forEach(console::line);
        return deployed && result.complete() && emulator.requests().size() == requests;
    }

    private boolean deploy(final Map<String, String> commandParameters) {
        if (!stacks.isEmpty()) {
            throw new IllegalStateException("deploy: the stacks already exist in this run; use update");
        }
        final Map<String, String> parameters = deployParameters(commandParameters);
        if (options.centralToken() && !deployCentralToken(parameters)) {
            return false;
        }
        final List<MemberAccount> accounts = MemberAccount.organization(options.accounts());
        final String tokenInConfiguration = createsTokenSecret() ? null : token;
        engine.prepare(new Stack(template, probeContext(accounts.get(0))), parameters);
        header(
                "deploy",
                describeTargets(accounts) + "\n   Parameters: "
                        + ParameterValues.resolve(template, parameters).display().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", ")));
        return operation(
                "deploy",
                accounts,
                outcomes -> {},
                (account, done) -> environment
                        .scheduler()
                        .after(Duration.ZERO, () -> enter(account, tokenInConfiguration), entered -> {
                            if (entered.context() == null) {
                                done.accept(new OperationOutcome(
                                        stackName(account),
                                        account.accountId(),
                                        "CREATE",
                                        false,
                                        "CREATE_FAILED",
                                        List.of("entering the account: " + entered.error()),
                                        0,
                                        List.of()));
                                return;
                            }
                            final Stack stack = new Stack(template, entered.context());
                            stacks.add(stack);
                            engine.create(stack, parameters, done);
                        }));
    }

    /**
     * The central option: central-token.yml as a stack of the management account, holding the run's
     * token; the onboarding stacks then get its secret's ARN and no token of their own.
     */
    private boolean deployCentralToken(final Map<String, String> parameters) {
        final Template central = TemplateParser.parse(centralTemplate());
        TemplateCheck.check(central, environment.types());
        final MemberAccount management = MemberAccount.management();
        header(
                "deploy",
                CENTRAL_TEMPLATE + " as stack " + CENTRAL_STACK + " in the management account " + management.accountId()
                        + ": the token's only copy");
        final boolean created = operation(
                "deploy " + CENTRAL_TEMPLATE,
                List.of(management),
                outcomes -> {},
                (account, done) -> environment
                        .scheduler()
                        .after(Duration.ZERO, () -> enter(account, CENTRAL_STACK, null), entered -> {
                            if (entered.context() == null) {
                                done.accept(new OperationOutcome(
                                        CENTRAL_STACK,
                                        account.accountId(),
                                        "CREATE",
                                        false,
                                        "CREATE_FAILED",
                                        List.of("entering the account: " + entered.error()),
                                        0,
                                        List.of()));
                                return;
                            }
                            centralStack = new Stack(central, entered.context());
                            // The runner writes the token as the StackSet execution role's session.
                            engine.create(
                                    centralStack,
                                    Map.of(
                                            TOKEN_PARAMETER,
                                            token,
                                            "OrganizationId",
                                            ORGANIZATION_ID,
                                            "TokenAdministratorArn",
                                            "arn:aws:iam::" + account.accountId() + ":role/"
                                                    + AwsClients.EXECUTION_ROLE),
                                    done);
                        }));
        if (!created) {
            return false;
        }
        parameters.put(CENTRAL_PARAMETER, centralStack.outputs().get(CENTRAL_PARAMETER));
        parameters.put(TOKEN_PARAMETER, "");
        return true;
    }

    private boolean update(final Map<String, String> parameters) {
        final List<Stack> live =
                stacks("update", Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"));
        header("update", live.size() + " stack" + (live.size() == 1 ? "" : "s") + " with " + shown(parameters));
        return operation("update", live, outcomes -> {}, (stack, done) -> engine.update(stack, parameters, done));
    }

    private boolean detectDrift() {
        final List<Stack> live =
                stacks("detect drift on", Set.of("CREATE_COMPLETE", "UPDATE_COMPLETE", "UPDATE_ROLLBACK_COMPLETE"));
        header("detect-drift", "comparing each resource's current state with the properties the template sets");
        return operation(
                "detect-drift",
                live,
                outcomes -> {
                    if (!options.stackSet()) {
                        outcomes.forEach(this::noteUnreportedRename);
                        live.forEach(stack ->
                                console.line("Stack drift status of " + stack.name() + ": " + stack.driftStatus()));
                    }
                },
                (stack, done) -> engine.detectDrift(stack, done));
    }

    private boolean delete() {
        final List<Stack> live = stacks(
                "delete",
                Set.of(
                        "CREATE_COMPLETE",
                        "UPDATE_COMPLETE",
                        "UPDATE_ROLLBACK_COMPLETE",
                        "ROLLBACK_COMPLETE",
                        "CREATE_FAILED",
                        "UPDATE_FAILED",
                        "DELETE_FAILED",
                        "ROLLBACK_FAILED"));
        header(
                "delete",
                live.size() + " stack" + (live.size() == 1 ? "" : "s") + ", each resource after what depends "
                        + "on it");
        final boolean deleted = operation("delete", live, outcomes -> {}, (stack, done) -> engine.delete(stack, done));
        if (centralStack == null || !deleted) {
            // The central token outlives any member stack still holding a pointer to it.
            return deleted;
        }
        header("delete", "the central token, " + CENTRAL_STACK + ", once no member stack points to it");
        final Stack central = centralStack;
        centralStack = null;
        return operation(
                "delete " + CENTRAL_TEMPLATE,
                List.of(central),
                outcomes -> {},
                (stack, done) -> engine.delete(stack, done));
    }

    /**
     * Changes the first account's Spot account behind CloudFormation's back, in the emulator: a
     * new name and a link to another role, as someone in the Spot console might.
     */
    private boolean tamper() {
        final SpotEmulator emulator = environment.spot().emulator().orElse(null);
        if (emulator == null) {
            console.line("tamper: skipped, it changes the emulator's state and this run uses the real Spot API");
            return true;
        }
        final Stack stack = stacks.stream()
                .filter(s -> spotAccountOf(s) != null)
                .findFirst()
                .orElse(null);
        if (stack == null) {
            console.line("tamper: no stack holds a Spot::Onboarding::Account to change");
            return false;
        }
        final String spotAccount = spotAccountOf(stack);
        final String before =
                emulator.state().account(spotAccount).map(a -> a.name()).orElse("?");
        final String role = "arn:aws:iam::" + stack.accountId() + ":role/out-of-band-role";
        emulator.state().rename(spotAccount, RENAMED);
        emulator.state().link(spotAccount, role);
        header(
                "tamper",
                "out of band, in the Spot emulator (account " + stack.accountId() + "):\n   renamed Spot "
                        + "account " + spotAccount + " from '" + before + "' to '" + RENAMED + "', and linked it to "
                        + role
                        + " instead of the stack's SpotRole");
        return true;
    }

    /**
     * Before any stack: each target AWS account already has a Spot account, connected a month ago
     * through a role of its own (as onboarding in Spot's console leaves it), not enrolled in Cost
     * Intelligence, and failing Cost Intelligence's pre-flight. With Reuse (the default) the stacks
     * succeed and report the accounts not enrolled; with Adopt the template's last resource fails the
     * pre-flight and the stack rolls back over accounts it did not create.
     */
    private boolean connectExisting() {
        final SpotEmulator emulator = environment.spot().emulator().orElse(null);
        if (emulator == null) {
            console.line(
                    "connect-existing: skipped, it changes the emulator's state and this run uses the real Spot API");
            return true;
        }
        if (!stacks.isEmpty()) {
            throw new IllegalStateException(
                    "connect-existing: the stacks already exist; it sets Spot up before deploy");
        }
        final List<MemberAccount> accounts = MemberAccount.organization(options.accounts());
        for (final MemberAccount account : accounts) {
            final var existing = emulator.state()
                    .seedAccount(
                            "connected-" + account.accountId(),
                            Duration.ofDays(30),
                            ExistingSpotAccounts.roleOf(account.accountId()));
            emulator.faults().ciValidationResult(existing.accountId(), ExistingSpotAccounts.FAILED_PRE_FLIGHT);
        }
        spotBefore = emulator.state().visibleAccounts();
        header(
                "connect-existing",
                "out of band, in the Spot emulator, before any stack: " + accounts.size()
                        + " Spot account" + (accounts.size() == 1 ? "" : "s") + " connected to "
                        + (accounts.size() == 1 ? "account " + accounts.get(0).accountId() : "the target accounts")
                        + " through "
                        + ExistingSpotAccounts.ROLE_NAME
                        + ", not in Cost Intelligence, failing its pre-flight; Spot as it is "
                        + "now is remembered for check-unchanged");
        return true;
    }

    /** Spot now against Spot when connect-existing ran: every account, name, link and enrollment. */
    private boolean checkUnchanged() {
        final SpotEmulator emulator = environment.spot().emulator().orElse(null);
        if (emulator == null || spotBefore == null) {
            console.line("check-unchanged: nothing to compare; run connect-existing first, against the emulator");
            return false;
        }
        final List<String> differences =
                ExistingSpotAccounts.differences(spotBefore, emulator.state().visibleAccounts());
        header(
                "check-unchanged",
                differences.isEmpty()
                        ? "Spot is exactly as it was before the stack: " + spotBefore.size()
                                + " accounts, their names, links and Cost Intelligence enrollments unchanged"
                        : differences.size() + " difference(s) from Spot as it was before the stack:");
        differences.forEach(d -> console.line("   " + d));
        return differences.isEmpty();
    }

    /**
     * Runs one command over its stacks, then prints what the command has to say ({@code report})
     * and the summary.
     */
    private <T> boolean operation(
            final String command,
            final List<T> targets,
            final Consumer<List<OperationOutcome>> report,
            final BiConsumer<T, Consumer<OperationOutcome>> start) {
        final Instant wallStart = Instant.now();
        final Instant simulatedStart = environment.scheduler().now();
        final ConcurrentStacks.Progress counters = new ConcurrentStacks.Progress();
        progress.begin(command, counters);
        // A long StackSet run says what failed as it fails, not only in the summary at its end.
        final BiConsumer<T, Consumer<OperationOutcome>> reporting = (target, done) -> start.accept(target, outcome -> {
            if (!outcome.succeeded() && options.stackSet()) {
                console.line("   failed: " + outcome.accountId() + " " + outcome.finalStatus() + ": "
                        + String.join("; ", outcome.failures()));
            }
            done.accept(outcome);
        });
        final ConcurrentStacks<T> concurrent =
                new ConcurrentStacks<>(environment.scheduler(), options.concurrency(), reporting, counters);
        final List<OperationOutcome> outcomes = concurrent.run(targets);
        progress.end();
        stacks.forEach(this::rememberSpotAccount);
        final List<RecordedRequest> requests = newRequests();
        final RunSummary summary = new RunSummary(
                command,
                outcomes,
                concurrent.ends(),
                requests == null
                        ? null
                        : ApiCalls.of(
                                requests,
                                spotAccounts,
                                stacks.stream().map(Stack::accountId).collect(Collectors.toSet())),
                requests,
                options.rateLimits(),
                Duration.between(wallStart, Instant.now()),
                simulatedStart,
                Duration.between(simulatedStart, environment.scheduler().now()));
        summaries.add(summary);
        report.accept(outcomes);
        console.line();
        SummaryTable.lines(summary).forEach(console::line);
        return summary.failed() == 0;
    }

    /**
     * CloudFormation compares only the properties a template sets; the onboarding template leaves
     * the Spot account's name to the alias, so a rename is not drift. Say so rather than leave the
     * reader wondering where the tamper went.
     */
    private void noteUnreportedRename(final OperationOutcome outcome) {
        final SpotEmulator emulator = environment.spot().emulator().orElse(null);
        final boolean renamed =
                emulator != null && emulator.state().accounts().stream().anyMatch(a -> RENAMED.equals(a.name()));
        final boolean reported = outcome.drift().stream()
                .flatMap(r -> r.differences().stream())
                .anyMatch(d -> d.path().startsWith("/Name"));
        if (renamed && !reported) {
            console.line("   Note: the rename is not reported: no resource of the template sets the Spot account's "
                    + "Name, and CloudFormation compares only the properties a template sets.");
        }
        outcome.drift().stream()
                .filter(r -> r.status() == DriftResult.Status.NOT_CHECKED)
                .forEach(r -> console.line("   " + r.logicalId() + " could not be checked: " + r.reason()));
    }

    private List<RecordedRequest> newRequests() {
        return environment
                .spot()
                .emulator()
                .map(emulator -> {
                    final List<RecordedRequest> all = emulator.requests();
                    final List<RecordedRequest> fresh = all.subList(Math.min(recordedRequests, all.size()), all.size());
                    recordedRequests = all.size();
                    return List.copyOf(fresh);
                })
                .orElse(null);
    }

    private void rememberSpotAccount(final Stack stack) {
        final String spotAccount = spotAccountOf(stack);
        if (spotAccount != null) {
            spotAccounts.put(spotAccount, stack.accountId());
        }
    }

    private static String spotAccountOf(final Stack stack) {
        return stack.resources().values().stream()
                .filter(r -> r.type().name().equals("Spot::Onboarding::Account"))
                .map(StackResource::state)
                .map(state -> state.physicalId())
                .findFirst()
                .orElse(null);
    }

    private List<Stack> stacks(final String what, final Set<String> statuses) {
        if (stacks.isEmpty()) {
            throw new IllegalStateException(what + ": no stack in this run yet; start with deploy (a local stack "
                    + "lives only as long as the process: chain the commands, e.g. deploy detect-drift delete)");
        }
        final List<Stack> live =
                stacks.stream().filter(s -> statuses.contains(s.status())).toList();
        if (live.size() < stacks.size()) {
            console.line("   " + (stacks.size() - live.size()) + " stack(s) skipped: not in a state to " + what);
        }
        return live;
    }

    private record Entered(StackContext context, String error) {}

    private Entered enter(final MemberAccount account, final String tokenInConfiguration) {
        return enter(account, stackName(account), tokenInConfiguration);
    }

    private Entered enter(final MemberAccount account, final String stackName, final String tokenInConfiguration) {
        try {
            return new Entered(environment.enter(account, stackName, tokenInConfiguration), null);
        } catch (RuntimeException e) {
            return new Entered(null, String.valueOf(e.getMessage()));
        }
    }

    private StackContext probeContext(final MemberAccount account) {
        return new StackContext(
                stackName(account),
                "arn:aws:cloudformation:" + options.region() + ":" + account.accountId() + ":stack/"
                        + stackName(account) + "/check",
                account.accountId(),
                options.region(),
                null,
                null);
    }

    /** A StackSet names each instance's stack StackSet-<name>-<id>; a single stack keeps its name. */
    private String stackName(final MemberAccount account) {
        return options.stackSet()
                ? "StackSet-" + options.stackName() + "-"
                        + UUID.nameUUIDFromBytes(account.accountId().getBytes(StandardCharsets.UTF_8))
                : options.stackName();
    }

    private Map<String, String> deployParameters(final Map<String, String> commandParameters) {
        final Map<String, String> parameters = new LinkedHashMap<>(options.parameters());
        parameters.putAll(commandParameters);
        if (template.parameters().containsKey(TOKEN_PARAMETER)) {
            parameters.putIfAbsent(TOKEN_PARAMETER, token);
        }
        template.parameters().values().stream()
                .filter(p -> p.noEcho() && parameters.containsKey(p.name()))
                .forEach(p -> console.secret(parameters.get(p.name())));
        return parameters;
    }

    /**
     * The token the run uses: the one given as SpotApiToken, the real one from the environment
     * with --spot-url, else a fresh one that only the emulator and this process know.
     */
    private String chooseToken() {
        if (options.spotUrl() != null) {
            final String value = processEnvironment.apply(options.spotTokenEnv());
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(
                        "--spot-token-env " + options.spotTokenEnv() + ": that environment " + "variable is not set");
            }
            return value.trim();
        }
        final String given = options.parameters().get(TOKEN_PARAMETER);
        // Empty under the central option: the run still needs a token, for the emulator and the central secret.
        return given != null && !given.isBlank()
                ? given
                : "spotLocal" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    }

    /** When the template stores the token in cfn/spot/api-token, the handlers read it there. */
    private boolean createsTokenSecret() {
        return template.resources().values().stream()
                .filter(r -> r.type().equals("AWS::SecretsManager::Secret"))
                .anyMatch(r -> r.properties() != null
                        && r.properties().get("Name") instanceof TemplateValue.Scalar name
                        && TOKEN_SECRET.equals(name.text()));
    }

    private String describeTargets(final List<MemberAccount> accounts) {
        final String spot = options.spotUrl() == null
                ? "the embedded Spot emulator (simulated time)"
                : "the Spot API at " + options.spotUrl() + " (real time)";
        if (accounts.size() == 1) {
            return "stack " + stackName(accounts.get(0)) + " in account "
                    + accounts.get(0).accountId() + " (" + options.region() + "), against " + spot;
        }
        return "a StackSet over " + accounts.size() + " accounts ("
                + accounts.get(0).accountId() + " to "
                + accounts.get(accounts.size() - 1).accountId() + "), " + options.concurrency() + " at a time, against "
                + spot;
    }

    private String shown(final Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "="
                        + (template.parameters().containsKey(e.getKey())
                                        && template.parameters().get(e.getKey()).noEcho()
                                ? "****"
                                : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private void header(final String command, final String description) {
        console.line();
        console.line("== " + command + ": " + description);
    }

    @Override
    public void close() {
        if (environment != null) {
            environment.close();
        }
    }
}
