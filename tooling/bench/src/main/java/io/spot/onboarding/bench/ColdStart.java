package io.spot.onboarding.bench;

import io.spot.onboarding.emulator.SpotEmulator;
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
 * Figure 2: a fresh JVM running one Read through the type's shaded jar (HandlerWrapperExecutable,
 * CloudFormation's request JSON, against the emulator), next to the floor on the same machine in the
 * same run: a fresh JVM that opens the same jar, loads one class and exits.
 */
final class ColdStart {
    private final Path root;
    private final int runs;

    ColdStart(final Path root, final int runs) {
        this.root = root;
        this.runs = runs;
    }

    void print(final PrintStream out) throws IOException, InterruptedException {
        out.println("2. Cold start: fresh JVM, one Read invocation, median of " + runs + " runs (ms)");
        out.printf("   %-26s %10s %10s %8s %16s%n", "type module", "floor", "handler", "ratio", "classes loaded");
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
            for (final Map.Entry<String, Onboarding.Type> type : types.entrySet()) {
                final Path jar = PackageSizes.handlerJar(root, type.getKey());
                final String read = onboarding
                        .request(type.getValue(), "READ", "111122223333")
                        .toString()
                        .replace(
                                "\"resourceProperties\":{}",
                                "\"resourceProperties\":{\"AccountId\":\"" + accountId + "\"}");
                final Stats floor = new Stats();
                final Stats handler = new Stats();
                for (int i = 0; i < runs; i++) {
                    floor.addNanos(time(
                            List.of(
                                    "-cp",
                                    jar + java.io.File.pathSeparator + JvmFloor.classpath(),
                                    JvmFloor.class.getName()),
                            null));
                    handler.addNanos(time(List.of("-jar", jar.toString(), read), "\"status\":\"SUCCESS\""));
                }
                out.printf(
                        "   %-26s %10.0f %10.0f %7.1fx %16d%n",
                        type.getKey(),
                        floor.median(),
                        handler.median(),
                        handler.median() / floor.median(),
                        classesLoaded(jar, read));
            }
        }
    }

    /** Classes the JVM loads for the invocation: unlike time, the same on every run and every machine. */
    private long classesLoaded(final Path jar, final String read) throws IOException, InterruptedException {
        final List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + Files.createDirectories(root.resolve("tooling/bench/target/cold-start-tmp")),
                "-Xlog:class+load=info:stdout",
                "-jar",
                jar.toString(),
                read);
        final Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        final long classes = new String(process.getInputStream().readAllBytes())
                .lines()
                .filter(line -> line.contains("[class,load]"))
                .count();
        process.waitFor(60, TimeUnit.SECONDS);
        return classes;
    }

    /** Wall time of one JVM run; {@code expected} must appear in what it printed, when given. */
    private long time(final List<String> arguments, final String expected) throws IOException, InterruptedException {
        final Path tmp = Files.createDirectories(root.resolve("tooling/bench/target/cold-start-tmp"));
        final List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.io.tmpdir=" + tmp));
        command.addAll(arguments);
        final long start = System.nanoTime();
        final Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        final String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS)
                || process.exitValue() != 0
                || expected != null && !output.contains(expected)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "cold start run failed: " + arguments.get(arguments.size() - 1) + " printed " + output);
        }
        return System.nanoTime() - start;
    }
}
