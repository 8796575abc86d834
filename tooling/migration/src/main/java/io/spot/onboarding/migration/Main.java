package io.spot.onboarding.migration;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The template side of deploy/migrate-from-spot-stackset.sh. Exit codes: 0 done (or true), 1 the
 * answer is no (check, compare), 2 the template or the command line is wrong.
 */
public final class Main {
    static final String USAGE = """
        usage: spot-migration retain TEMPLATE OUTPUT [TYPE ...]  write OUTPUT: TEMPLATE with every custom resource (or
                                                             resource of a TYPE) DeletionPolicy and UpdateReplacePolicy
                                                             Retain, nothing else changed; the TYPE custom
                                                             stands for every custom resource
               spot-migration check TEMPLATE [TYPE ...]     0 when every custom resource (or of a TYPE) is retained
               spot-migration compare TEMPLATE TEMPLATE     0 when both are the same template, Retain attributes aside
               spot-migration query FILE QUERY              FILE, an AWS CLI JSON answer, asked --query QUERY, printed
                                                             as --output text prints it
        """;

    private Main() {}

    public static void main(final String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        try {
            if (args.length >= 3 && args[0].equals("retain")) {
                return retain(Path.of(args[1]), Path.of(args[2]), types(args, 3), out);
            }
            if (args.length >= 2 && args[0].equals("check")) {
                return check(Path.of(args[1]), types(args, 2), out);
            }
            if (args.length == 3 && args[0].equals("compare")) {
                return compare(Path.of(args[1]), Path.of(args[2]), out);
            }
            if (args.length == 3 && args[0].equals("query")) {
                out.println(new SavedAnswer(read(Path.of(args[1]))).text(args[2]));
                return 0;
            }
            err.print(USAGE);
            return 2;
        } catch (TemplateException e) {
            err.println("spot-migration: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("spot-migration: cannot read or write " + e.getMessage());
            return 2;
        }
    }

    private static Selection types(final String[] args, final int from) {
        return Selection.of(List.of(args).subList(from, args.length));
    }

    private static int retain(final Path input, final Path output, final Selection selection, final PrintStream out)
            throws IOException {
        final RetainPolicy.Result result = RetainPolicy.apply(read(input), selection);
        Files.writeString(output, result.template().text(), StandardCharsets.UTF_8);
        for (final RetainTarget resource : result.changed()) {
            out.println("  Retain added: " + describe(resource));
        }
        for (final RetainTarget resource : result.alreadyRetained()) {
            out.println("  already retained: " + describe(resource));
        }
        final int others = result.template().resources().size()
                - result.changed().size()
                - result.alreadyRetained().size();
        out.println(
                "  unchanged: every parameter, condition, property and output, and the " + others + " other resources");
        return 0;
    }

    private static int check(final Path template, final Selection selection, final PrintStream out) throws IOException {
        final List<RetainTarget> open = RetainPolicy.notRetained(read(template), selection);
        open.forEach(resource -> out.println("  not retained: " + describe(resource)));
        return open.isEmpty() ? 0 : 1;
    }

    private static int compare(final Path left, final Path right, final PrintStream out) throws IOException {
        final List<String> differences = TemplateComparison.differencesIgnoringRetain(read(left), read(right));
        differences.forEach(path -> out.println("  differs at " + path));
        return differences.isEmpty() ? 0 : 1;
    }

    private static String describe(final RetainTarget resource) {
        return resource.logicalId() + " (" + resource.type()
                + (resource.serviceToken().equals("(none)") ? ")" : ", ServiceToken " + resource.serviceToken() + ")");
    }

    private static String read(final Path path) throws IOException {
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
