package io.spot.onboarding.runner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spot.onboarding.runner.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's cfn-lint run: the real cfn-lint, with the Spot types' schemas from their jars. */
class CfnLintTest {
    private final List<String> warnings = new ArrayList<>();

    @Test
    void theRepositorysTemplatesPass() {
        for (final String template : List.of("template.yml", "deploy/central-token.yml")) {
            assertThatCode(() -> new CfnLint().check(Path.of("../..", template), warnings::add))
                    .as(template)
                    .doesNotThrowAnyException();
        }
        assertThat(warnings).isEmpty();
    }

    /** The property the runner's own list once refused: valid, if uncommon. */
    @Test
    void aValidButUncommonPropertyPasses(@TempDir final Path dir) throws Exception {
        final Path template = dir.resolve("replicated.yml");
        Files.writeString(template, """
            Resources:
              TokenSecret:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: cfn/spot/api-token
                  SecretString: value
                  ReplicaRegions:
                    - Region: eu-west-1
              Account:
                Type: Spot::Onboarding::Account
                DependsOn: TokenSecret
                Properties:
                  ExistingAccountPolicy: Reuse
            """);

        assertThatCode(() -> new CfnLint().check(template, warnings::add)).doesNotThrowAnyException();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anErrorIsRefusedWithCfnLintsMessageAtItsFileAndLine(@TempDir final Path dir) throws Exception {
        final Path template = LintFixtures.misspelledAwsProperty(dir);

        assertThatThrownBy(() -> new CfnLint().check(template, warnings::add))
                .isInstanceOf(TemplateException.class)
                .satisfies(e -> assertThat(((TemplateException) e).problems())
                        .singleElement()
                        .satisfies(problem -> assertThat(problem.toString())
                                .startsWith(template + ":6:7: ")
                                .contains("'ReplicaRegion' was unexpected")
                                .contains("cfn-lint E3002")));
    }

    @Test
    void aWarningIsPassedOnWithoutRefusingTheTemplate(@TempDir final Path dir) throws Exception {
        final Path template = dir.resolve("unused.yml");
        Files.writeString(template, """
            Parameters:
              Unused: {Type: String, Default: x}
            Resources:
              TokenSecret:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: cfn/spot/api-token
            """);

        assertThatCode(() -> new CfnLint().check(template, warnings::add)).doesNotThrowAnyException();
        assertThat(warnings)
                .singleElement()
                .satisfies(w -> assertThat(w)
                        .startsWith("cfn-lint: " + template + ":2:3: ")
                        .contains("Unused"));
    }

    @Test
    void withoutCfnLintItSaysHowToInstallIt(@TempDir final Path dir) throws Exception {
        final Path template = dir.resolve("t.yml");
        Files.writeString(template, "Resources: {}\n");

        assertThatThrownBy(() -> new CfnLint("cfn-lint-not-installed").check(template, warnings::add))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cfn-lint-not-installed is not installed or not on PATH")
                .hasMessageContaining("pip install cfn-lint");
    }
}
