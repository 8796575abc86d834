package io.spot.onboarding.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three templates pass cfn-lint, given the four types' schemas as registry schemas. */
class CfnLintTest {

    @Test
    void templatesPassCfnLintWithTheTypesSchemas(@TempDir final Path schemas) throws IOException {
        for (final Map.Entry<String, String> type : TypeSchemas.MODULES.entrySet()) {
            Files.copy(CfnYaml.ROOT.resolve(type.getValue()).resolve(type.getKey()), schemas.resolve(type.getKey()));
        }

        final Processes.Result lint = Processes.run(
                List.of(
                        "cfn-lint",
                        "--registry-schemas",
                        schemas.toString(),
                        "--",
                        "template.yml",
                        "registry.yml",
                        "deploy/central-token.yml"),
                Map.of());

        assertThat(lint.exitCode())
                .as("cfn-lint (install with pip install cfn-lint) said:%n%s", lint.output())
                .isZero();
    }
}
