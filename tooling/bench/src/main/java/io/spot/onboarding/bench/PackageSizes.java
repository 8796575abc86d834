package io.spot.onboarding.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Figure 1: what each type ships, and what in the jar weighs most. */
final class PackageSizes {
    static final Map<String, String> MODULES = Map.of(
            "spot-account", "spot-onboarding-account",
            "spot-linked-credentials", "spot-onboarding-linkedcredentials",
            "spot-account-alias", "spot-onboarding-accountalias",
            "spot-cost-intelligence", "spot-onboarding-costintelligence");

    private PackageSizes() {}

    static Path handlerJar(final Path root, final String module) {
        return root.resolve(module).resolve("target").resolve(MODULES.get(module) + "-handler-1.0.0-SNAPSHOT.jar");
    }

    static void print(final Path root, final PrintStream out) throws IOException, InterruptedException {
        final TemplateType template = new TemplateType(root);
        template.jar();
        out.println("1. Handler package size (MB of 1,000,000 bytes), next to cfn init's template type");
        out.printf("   %-26s %10s %18s %18s%n", "type module", "jar", "registration zip", "classes in the jar");
        out.printf(
                "   %-26s %10.1f %18s %18d%n",
                "cfn init template type", mb(template.builtJar()), "", classes(template.builtJar()));
        for (final String module : new TreeMap<>(MODULES).keySet()) {
            final Path jar = handlerJar(root, module);
            final Path zip = root.resolve(module).resolve("target").resolve(MODULES.get(module) + ".zip");
            out.printf("   %-26s %10.1f %18.1f %18d%n", module, mb(jar), mb(zip), classes(jar));
        }
        out.println("   largest parts of the spot-account jar (compressed MB, by package):");
        largestParts(handlerJar(root, "spot-account")).entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(10)
                .forEach(e -> out.printf("     %-44s %6.2f%n", e.getKey(), e.getValue() / 1_048_576.0));
    }

    private static Map<String, Long> largestParts(final Path jar) throws IOException {
        final Map<String, Long> sizes = new TreeMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream()
                    .filter(e -> !e.isDirectory())
                    .forEach(e -> sizes.merge(part(e), e.getCompressedSize(), Long::sum));
        }
        return sizes;
    }

    /** The first three path segments: software/amazon/awssdk, com/fasterxml/jackson, ... */
    private static String part(final ZipEntry entry) {
        final String[] segments = entry.getName().split("/");
        final int depth =
                Math.min(segments.length - 1, entry.getName().startsWith("software/amazon/awssdk/services") ? 5 : 3);
        return depth <= 0 ? "(top level)" : String.join(".", java.util.Arrays.copyOf(segments, depth));
    }

    private static double mb(final Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) / 1_000_000.0 : Double.NaN;
    }

    private static long classes(final Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().filter(e -> e.getName().endsWith(".class")).count();
        }
    }
}
