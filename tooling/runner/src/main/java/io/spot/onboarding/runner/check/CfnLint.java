package io.spot.onboarding.runner.check;

import io.spot.onboarding.runner.spot.SpotTypeInfo;
import io.spot.onboarding.runner.template.Location;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.template.TemplateProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code cfn-lint --registry-schemas <the Spot types' schemas> -- <template>}: the command the template
 * tests run, so a template the runner accepts is one the repository's tests accept, and what
 * CloudFormation itself checks (every AWS type's properties, references, conditions, DependsOn) is
 * checked by the tool that knows all of it. Errors refuse the template, each with its file:line;
 * warnings are passed on and do not.
 */
public final class CfnLint {
    static final String INSTALL = "pip install cfn-lint";

    /** {@code --format parseable}: file:line:column:endLine:endColumn:rule:message. */
    private static final Pattern FINDING = Pattern.compile("^(.+?):(\\d+):(\\d+):\\d+:\\d+:([EWI]\\d+):(.*)$");

    /** cfn-lint takes seconds to start; its verdict on the same text does not change within a run. */
    private static final Map<String, List<Finding>> VERDICTS = new ConcurrentHashMap<>();

    /** @param rule cfn-lint's rule ID: E for an error, W a warning, I information */
    public record Finding(Location location, String rule, String message) {
        public boolean isError() {
            return rule.startsWith("E");
        }

        TemplateProblem problem() {
            return new TemplateProblem(location, null, message + " (cfn-lint " + rule + ")");
        }
    }

    private final String executable;

    public CfnLint() {
        this("cfn-lint");
    }

    /** @param executable the cfn-lint to run (a test gives one that is not installed) */
    CfnLint(final String executable) {
        this.executable = executable;
    }

    /**
     * Lints the template; warnings go to {@code warnings}, errors are thrown.
     *
     * @throws TemplateException with every error cfn-lint found
     * @throws IllegalStateException when cfn-lint cannot be run, saying how to install it
     */
    public void check(final Path template, final Consumer<String> warnings) {
        final List<Finding> findings = findings(template);
        findings.stream()
                .filter(f -> !f.isError())
                .forEach(
                        f -> warnings.accept("cfn-lint: " + f.location() + ": " + f.message() + " (" + f.rule() + ")"));
        final List<TemplateProblem> errors =
                findings.stream().filter(Finding::isError).map(Finding::problem).toList();
        if (!errors.isEmpty()) {
            throw new TemplateException(errors);
        }
    }

    List<Finding> findings(final Path template) {
        final String text;
        try {
            text = Files.readString(template, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + template, e);
        }
        return VERDICTS.computeIfAbsent(executable + "\0" + template + "\0" + text, key -> run(template));
    }

    private List<Finding> run(final Path template) {
        final Path schemas = writeSchemas();
        try {
            final Process process = start(List.of(
                    executable,
                    "--format",
                    "parseable",
                    "--registry-schemas",
                    schemas.toString(),
                    "--",
                    template.toString()));
            final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("cfn-lint did not finish within 2 minutes on " + template);
            }
            final List<Finding> findings = parse(output, template);
            // cfn-lint's exit code is a bit set: 2 an error, 4 a warning, 8 information; anything else, or a
            // finding it did not print, is cfn-lint itself failing.
            if ((process.exitValue() & ~0b1110) != 0 || process.exitValue() != 0 && findings.isEmpty()) {
                throw new IllegalStateException("cfn-lint failed (exit code " + process.exitValue() + ") on " + template
                        + ":\n" + output.strip());
            }
            return List.copyOf(findings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read what cfn-lint said about " + template, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while cfn-lint checked " + template, e);
        } finally {
            delete(schemas);
        }
    }

    private Process start(final List<String> command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(executable + " is not installed or not on PATH: spot-local checks every "
                    + "template with cfn-lint, as the template tests do, before it validates or runs it. Install it "
                    + "with: " + INSTALL);
        }
    }

    static List<Finding> parse(final String output, final Path template) {
        final List<Finding> findings = new ArrayList<>();
        for (final String line : output.split("\\R")) {
            final Matcher matcher = FINDING.matcher(line);
            if (matcher.matches()) {
                // cfn-lint names the file as it was given; so does the runner.
                findings.add(new Finding(
                        new Location(
                                template.toString(),
                                Integer.parseInt(matcher.group(2)),
                                Integer.parseInt(matcher.group(3))),
                        matcher.group(4),
                        matcher.group(5)));
            }
        }
        return findings;
    }

    /**
     * The Spot types' schemas as their own jars carry them (the ones their handlers validate
     * against), in a folder of their own for {@code --registry-schemas}. A type whose jar is not in
     * the build is left out: cfn-lint then says its type does not exist.
     */
    private static Path writeSchemas() {
        try {
            final Path folder = Files.createTempDirectory("cfn-lint-schemas");
            for (final SpotTypeInfo type : SpotTypeInfo.ALL) {
                try (InputStream schema = CfnLint.class.getClassLoader().getResourceAsStream(type.schemaFile())) {
                    if (schema != null) {
                        Files.copy(schema, folder.resolve(type.schemaFile()));
                    }
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the types' schemas for cfn-lint", e);
        }
    }

    private static void delete(final Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover folder in the runner's own tmpdir harms nothing.
        }
    }
}
