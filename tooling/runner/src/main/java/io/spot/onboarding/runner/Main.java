package io.spot.onboarding.runner;

import io.spot.onboarding.harness.HandlerDriver;
import io.spot.onboarding.runner.cli.Command;
import io.spot.onboarding.runner.cli.CommandLine;
import io.spot.onboarding.runner.cli.Options;
import io.spot.onboarding.runner.cli.UsageException;
import io.spot.onboarding.runner.eval.EvaluationException;
import io.spot.onboarding.runner.output.Console;
import io.spot.onboarding.runner.output.HtmlReport;
import io.spot.onboarding.runner.output.RunReport;
import io.spot.onboarding.runner.template.TemplateException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * spot-local: runs template.yml locally, through the real handlers, against moto and the Spot
 * emulator. Exit code 0 when everything succeeded, 1 when an operation failed, 2 when the command
 * line, the environment or the template is wrong.
 */
public final class Main {

    private Main() {}

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(final String[] args, final PrintStream out, final PrintStream err) {
        final Options options;
        try {
            options = CommandLine.parse(args);
        } catch (UsageException e) {
            // The error alone, not above a page of help that would scroll it away.
            err.println("spot-local: " + e.getMessage() + " (spot-local help lists every command and option)");
            return 2;
        }
        if (options.commands().stream().anyMatch(c -> c.name().equals(Command.HELP))) {
            out.print(CommandLine.USAGE);
            return 0;
        }
        try {
            // The CloudFormation wrapper empties java.io.tmpdir on every invocation.
            HandlerDriver.requirePrivateTmpdir();
        } catch (IllegalStateException e) {
            err.println("spot-local: " + e.getMessage() + " (the spot-local script does this for you)");
            return 2;
        }
        final Console console = new Console(out);
        try (LocalRun run = new LocalRun(options, console)) {
            // Reports are written once before the run, so a path that cannot be written stops it before
            // it costs hours and a stale report never outlives the run; then again whatever the run's end.
            report(options, run, console);
            try {
                return run.execute();
            } finally {
                report(options, run, console);
            }
        } catch (UsageException e) {
            e.getMessage().lines().forEach(line -> err.println("spot-local: " + line));
            return 2;
        } catch (TemplateException e) {
            err.println("spot-local: the template has " + e.problems().size() + " problem"
                    + (e.problems().size() == 1 ? "" : "s") + ":");
            e.problems().forEach(problem -> err.println("  " + console.redact(problem.toString())));
            return 2;
        } catch (EvaluationException | IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
            err.println("spot-local: " + console.redact(e.getMessage()));
            return 2;
        }
    }

    private static void report(final Options options, final LocalRun run, final Console console) {
        if (options.report() == null && options.reportHtml() == null) {
            return;
        }
        final RunReport report = RunReport.of(options, run.summaries(), console::redact);
        if (options.report() != null) {
            report.write(options.report());
        }
        if (options.reportHtml() != null) {
            HtmlReport.write(report, options.reportHtml());
        }
    }
}
