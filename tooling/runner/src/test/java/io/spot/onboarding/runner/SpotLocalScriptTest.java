package io.spot.onboarding.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ./spot-local script itself, before it builds or starts the runner. */
class SpotLocalScriptTest {
    private static final Path SCRIPT =
            Path.of("../..", "spot-local").toAbsolutePath().normalize();

    /**
     * On a machine with none of the tools (only the shell utilities the script uses on PATH), help
     * still prints every command, builds nothing, and then names each missing tool in one line.
     */
    @Test
    void helpBuildsNothingAndNamesEachMissingToolInOneLine(@TempDir final Path dir) throws Exception {
        final Path bin = Files.createDirectory(dir.resolve("bin"));
        for (final String tool : List.of("bash", "env", "dirname", "cat", "find", "sed", "head")) {
            final Path installed = List.of("/usr/bin", "/bin").stream()
                    .map(folder -> Path.of(folder, tool))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow();
            Files.createSymbolicLink(bin.resolve(tool), installed);
        }
        final ProcessBuilder builder = new ProcessBuilder("/bin/bash", SCRIPT.toString(), "help")
                .redirectError(dir.resolve("stderr").toFile())
                .redirectOutput(dir.resolve("stdout").toFile());
        builder.environment().put("PATH", bin.toString());
        final Process help = builder.start();
        assertThat(help.waitFor(1, TimeUnit.MINUTES)).isTrue();

        final String out = Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8);
        final List<String> problems = Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
        assertThat(help.exitValue()).isZero();
        assertThat(out).startsWith("Usage: spot-local").doesNotContain("building");
        assertThat(problems)
                .allMatch(line -> line.startsWith("spot-local: ") && line.contains(" install "))
                .anyMatch(line -> line.startsWith("spot-local: java is not on PATH: install a JDK 17"))
                .anyMatch(line -> line.startsWith("spot-local: cfn-lint ") && line.endsWith("pip install cfn-lint"))
                .anyMatch(line ->
                        line.startsWith("spot-local: moto_server ") && line.endsWith("pip install 'moto[server]'"));
    }
}
