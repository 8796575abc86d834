package io.spot.onboarding.bench;

import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.harness.CloudFormationRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Figure 2: a fresh JVM running one Read through a type's shaded jar (its HandlerWrapperExecutable,
 * CloudFormation's request JSON, against the emulator), paired run by run with the same for the type
 * {@code cfn init} makes for Java ({@link TemplateType}), whose Read does nothing. Each pair runs back
 * to back, so a busy machine slows both alike; the ratio is the median of the pairs' ratios.
 */
final class ColdStart {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    private final Path root;
    private final int runs;
    private final Path tmp;
    private final Path work;

    ColdStart(final Path root, final int runs) throws IOException {
        this.root = root;
        this.runs = runs;
        this.tmp = Files.createDirectories(root.resolve("tooling/bench/target/cold-start-tmp"));
        this.work = Files.createDirectories(root.resolve("tooling/bench/target/cold-start-work"));
    }

    void print(final PrintStream out) throws IOException, InterruptedException {
        final TemplateType template = new TemplateType(root);
        final Invocation yardstick = new Invocation(
                List.of("-cp", template.jar().toString(), TemplateType.MAIN_CLASS),
                CloudFormationRequest.of(TemplateType.TYPE_NAME, "READ")
                        .awsAccountId("111122223333")
                        .properties(CloudFormationRequest.props("{\"TPSCode\":\"tps-1\"}"))
                        .json()
                        .toString());
        out.println("2. Cold start: fresh JVM, one Read invocation, " + runs + " pairs with cfn init's template type");
        out.printf(
                "   %-26s %16s %12s %12s %14s%n",
                "type module", "classes loaded", "Read (ms)", "x template", "peak RSS (MB)");
        try (SpotEmulator spot = Onboarding.emulator()) {
            final Onboarding onboarding = new Onboarding(spot);
            final String accountId = onboarding
                    .enroll("111122223333")
                    .get(Onboarding.Type.ACCOUNT)
                    .get("AccountId")
                    .asText();
            final Map<String, Onboarding.Type> types = new TreeMap<>(Map.of(
                    "spot-account", Onboarding.Type.ACCOUNT,
                    "spot-linked-credentials", Onboarding.Type.LINKED_CREDENTIALS,
                    "spot-account-alias", Onboarding.Type.ACCOUNT_ALIAS,
                    "spot-cost-intelligence", Onboarding.Type.COST_INTELLIGENCE));
            final Stats templateTime = new Stats();
            final Stats templateRss = new Stats();
            final List<String> rows = new ArrayList<>();
            for (final Map.Entry<String, Onboarding.Type> type : types.entrySet()) {
                final Invocation read = new Invocation(
                        List.of(
                                "-jar",
                                PackageSizes.handlerJar(root, type.getKey()).toString()),
                        onboarding
                                .request(type.getValue(), "READ", "111122223333")
                                .toString()
                                .replace(
                                        "\"resourceProperties\":{}",
                                        "\"resourceProperties\":{\"AccountId\":\"" + accountId + "\"}"));
                final Stats time = new Stats();
                final Stats rss = new Stats();
                final Stats ratio = new Stats();
                for (int i = 0; i < runs; i++) {
                    final Run base = yardstick.run();
                    final Run ours = read.run();
                    templateTime.add(base.millis());
                    templateRss.add(base.peakRssMb());
                    time.add(ours.millis());
                    rss.add(ours.peakRssMb());
                    ratio.add(ours.millis() / base.millis());
                }
                rows.add(String.format(
                        "   %-26s %16d %12.0f %11.2fx %14s",
                        type.getKey(), read.classesLoaded(), time.median(), ratio.median(), mb(rss)));
            }
            out.printf(
                    "   %-26s %16d %12.0f %11.2fx %14s%n",
                    "cfn init template type", yardstick.classesLoaded(), templateTime.median(), 1.0, mb(templateRss));
            rows.forEach(out::println);
        }
    }

    private static String mb(final Stats rss) {
        return rss.median() < 0 ? "n/a" : String.format("%.0f", rss.median());
    }

    private record Run(double millis, double peakRssMb) {}

    /** One Read through one jar: a JVM's arguments after {@code java} and the request it is given. */
    private final class Invocation {
        private final List<String> arguments;
        private final String request;

        Invocation(final List<String> arguments, final String request) {
            this.arguments = arguments;
            this.request = request;
        }

        /** Wall time, and the peak resident memory where GNU time is there to report it (-1 where not). */
        Run run() throws IOException, InterruptedException {
            final Path rssFile = work.resolve("peak-rss.txt");
            Files.deleteIfExists(rssFile);
            final List<String> command = new ArrayList<>();
            final boolean measureRss = Files.isExecutable(GNU_TIME);
            if (measureRss) {
                command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
            }
            command.addAll(java(List.of()));
            final long start = System.nanoTime();
            final String output = start(command);
            final long nanos = System.nanoTime() - start;
            if (!output.contains("\"status\":\"SUCCESS\"")) {
                throw new IllegalStateException("cold start run failed: " + request + " printed " + output);
            }
            final double rss = measureRss
                    ? Double.parseDouble(Files.readString(rssFile)
                                    .strip()
                                    .lines()
                                    .reduce((a, b) -> b)
                                    .orElse("-1"))
                            / 1024.0
                    : -1;
            return new Run(nanos / 1_000_000.0, rss);
        }

        /** Classes the JVM loads for the invocation: unlike time, the same on every run and every machine. */
        long classesLoaded() throws IOException, InterruptedException {
            return start(java(List.of("-Xlog:class+load=info:stdout")))
                    .lines()
                    .filter(line -> line.contains("[class,load]"))
                    .count();
        }

        private List<String> java(final List<String> options) {
            final List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp));
            command.addAll(options);
            command.addAll(arguments);
            command.add(request);
            return command;
        }

        private String start(final List<String> command) throws IOException, InterruptedException {
            // The generated executable writes its response to a file in the working directory, which must
            // not be the tmpdir the template's wrapper empties.
            final Process process = new ProcessBuilder(command)
                    .directory(work.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            final String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", command.subList(0, command.size() - 1)) + " failed: " + output);
            }
            return output;
        }
    }
}
