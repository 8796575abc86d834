package io.spot.onboarding.runner.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Templates the cfn-lint tests share, at the level of the check and of the command that runs it. */
public final class LintFixtures {
    private LintFixtures() {}

    /** A template with one error only cfn-lint finds: a misspelled property of an AWS type, on line 6. */
    public static Path misspelledAwsProperty(final Path dir) throws IOException {
        final Path template = dir.resolve("misspelled.yml");
        Files.writeString(template, """
            Resources:
              TokenSecret:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: cfn/spot/api-token
                  ReplicaRegion:
                    - Region: eu-west-1
            """);
        return template;
    }
}
