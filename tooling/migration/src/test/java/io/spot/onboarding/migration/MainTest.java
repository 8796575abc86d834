package io.spot.onboarding.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(final String... args) {
        return Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void retainWritesTheTemplateAndCheckAndCompareAnswer(@TempDir final Path dir) throws IOException {
        final Path spot =
                Files.writeString(dir.resolve("spot.yml"), RetainPolicyTest.fixture("spot-onboarding-stackset.yml"));
        final Path retained = dir.resolve("retained.yml");

        assertThat(run("check", spot.toString())).isEqualTo(1);
        assertThat(run("retain", spot.toString(), retained.toString())).isZero();
        assertThat(run("check", retained.toString())).isZero();
        assertThat(run("compare", spot.toString(), retained.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("not retained: SpotAccount (Custom::SpotAccount, ServiceToken "
                        + "arn:aws:lambda:${AWS::Region}:178579023202:function:onboarding-stackset-account-lambda)")
                .contains("Retain added: EnableCostIntelligence (Custom::EnableCostIntelligence")
                .contains("unchanged: every parameter, condition, property and output, and the 3 other resources");
        assertThat(Files.readString(retained)).contains("DeletionPolicy: Retain");
    }

    @Test
    void aDifferentCopyAndABrokenFileAreReported(@TempDir final Path dir) throws IOException {
        final String text = RetainPolicyTest.fixture("spot-onboarding-stackset.yml");
        final Path spot = Files.writeString(dir.resolve("spot.yml"), text);
        final Path edited = Files.writeString(
                dir.resolve("edited.yml"),
                text.replace("onboarding-stackset-alias-lambda", "onboarding-stackset-alias-lambda-v2"));
        final Path broken = Files.writeString(dir.resolve("broken.yml"), "Resources: [\n");

        assertThat(run("compare", spot.toString(), edited.toString())).isEqualTo(1);
        assertThat(run("retain", broken.toString(), dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(run("nonsense")).isEqualTo(2);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("differs at /Resources/RenamedSpotAccountByAlias/Properties/ServiceToken/Fn::Sub");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("spot-migration: not a CloudFormation template")
                .contains("usage: spot-migration retain");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
