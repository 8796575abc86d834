package io.spot.onboarding.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The yardstick of figures 1 and 2: the resource type {@code cfn init} makes for Java, built as
 * generated, whose Read does nothing. Made once with this repository's cfn and Maven, and cached
 * under {@code tooling/bench/target/template-type}. Two changes, both needed to build or run it
 * here: the plugin is pinned to the version the types use (the generated range makes Maven read
 * resource-schema POMs that Maven Central cannot resolve), and the copy that is run has the signature
 * files of its dependencies removed, which a plain JVM refuses in a shaded jar (Lambda unpacks the
 * package and never checks them).
 */
final class TemplateType {
    static final String TYPE_NAME = "Demo::Template::Type";
    static final String MAIN_CLASS = "com.demo.template.type.HandlerWrapperExecutable";

    private final Path root;
    private final Path folder;

    TemplateType(final Path root) {
        this.root = root;
        this.folder = root.resolve("tooling/bench/target/template-type");
    }

    /** The runnable jar, built on first use. */
    Path jar() throws IOException, InterruptedException {
        final Path runnable = folder.resolve("target/template-type-unsigned.jar");
        if (Files.exists(runnable)) {
            return runnable;
        }
        Files.createDirectories(folder);
        if (!Files.exists(folder.resolve("pom.xml"))) {
            run(List.of(root.resolve("tooling/cfn").toString(), "init", "-t", TYPE_NAME, "-a", "RESOURCE"), "\n1\n");
            pinPluginVersion(folder.resolve("pom.xml"));
        }
        run(
                List.of(
                        root.resolve("mvnw").toString(),
                        "-B",
                        "-q",
                        "-f",
                        folder.resolve("pom.xml").toString(),
                        "package",
                        "-DskipTests"),
                "");
        withoutSignatures(builtJar(), runnable);
        return runnable;
    }

    /** The jar as Maven built it, for its size. */
    Path builtJar() throws IOException {
        try (var jars = Files.list(folder.resolve("target"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith("demo-template-type-handler-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("cfn init's type built no jar in " + folder));
        }
    }

    private void pinPluginVersion(final Path pom) throws IOException {
        final Matcher version = Pattern.compile("<cfn.plugin.version>([^<]+)</cfn.plugin.version>")
                .matcher(Files.readString(root.resolve("pom.xml")));
        if (!version.find()) {
            throw new IllegalStateException("no cfn.plugin.version in " + root.resolve("pom.xml"));
        }
        final String text = Files.readString(pom)
                .replace("<version>[2.0.0,3.0.0)</version>", "<version>" + version.group(1) + "</version>")
                .replaceFirst(
                        "    <dependencies>",
                        "    <dependencyManagement>\n        <dependencies>\n            <dependency>\n"
                                + "                <groupId>software.amazon.cloudformation</groupId>\n"
                                + "                <artifactId>aws-cloudformation-resource-schema</artifactId>\n"
                                + "                <version>2.0.10</version>\n"
                                + "            </dependency>\n        </dependencies>\n    </dependencyManagement>\n"
                                + "    <dependencies>");
        Files.writeString(pom, text);
    }

    /**
     * Runs in the template's folder. Its build calls {@code cfn} from PATH: a shim that runs this
     * repository's {@code tooling/cfn} with the caller's PATH (tooling/cfn itself on PATH would call itself).
     */
    private void run(final List<String> command, final String input) throws IOException, InterruptedException {
        final Path shim = Files.createDirectories(folder.resolve("../template-type-bin"));
        final String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        final Path cfn = shim.resolve("cfn");
        Files.writeString(cfn, "#!/bin/sh\nPATH='" + path + "' exec '" + root.resolve("tooling/cfn") + "' \"$@\"\n");
        Files.setPosixFilePermissions(cfn, PosixFilePermissions.fromString("rwxr-xr-x"));
        final Path log = folder.resolve("../template-type-build.log");
        final ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("PATH", shim + ":" + path);
        final Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; its output is in " + log);
        }
    }

    private static void withoutSignatures(final Path from, final Path to) throws IOException {
        final Pattern signature = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
        try (ZipFile in = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (final ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (signature.matcher(entry.getName()).matches()) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream content = in.getInputStream(entry)) {
                    content.transferTo(out);
                }
                out.closeEntry();
            }
        }
    }
}
