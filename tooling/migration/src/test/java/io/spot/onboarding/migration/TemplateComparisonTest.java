package io.spot.onboarding.migration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemplateComparisonTest {
    private static final String SPOT = RetainPolicyTest.fixture("spot-onboarding-stackset.yml");

    @Test
    void theRetainedTemplateIsTheSameTemplateForTheMigration() {
        final String retained = RetainPolicy.apply(SPOT).template().text();

        assertThat(TemplateComparison.differencesIgnoringRetain(SPOT, retained)).isEmpty();
    }

    @Test
    void aChangedPropertyIsNamedByItsPath() {
        final String other = SPOT.replace("      isTokenEncrypted: \"false\"", "      isTokenEncrypted: \"true\"")
                .replace("!GetAtt SpotRole.Arn", "!GetAtt SpotRole.RoleId");

        assertThat(TemplateComparison.differencesIgnoringRetain(SPOT, other))
                .containsExactly(
                        "/Resources/SpotLinkedCredentials/Properties/IamRoleArn/Fn::GetAtt/1",
                        "/Resources/SpotLinkedCredentials/Properties/isTokenEncrypted");
    }

    @Test
    void shortAndLongFormsAndJsonAreTheSame() {
        final String yaml = """
            Resources:
              SpotAccount:
                Type: Custom::SpotAccount
                Properties:
                  ServiceToken: !Sub arn:aws:lambda:${AWS::Region}:178579023202:function:a
                  Arn: !GetAtt SpotRole.Arn
                  Count: 3
            """;
        final String json = """
            {"Resources": {"SpotAccount": {"Type": "Custom::SpotAccount", "Properties": {
              "ServiceToken": {"Fn::Sub": "arn:aws:lambda:${AWS::Region}:178579023202:function:a"},
              "Arn": {"Fn::GetAtt": ["SpotRole", "Arn"]}, "Count": "3"}}}}
            """;

        assertThat(TemplateComparison.differencesIgnoringRetain(yaml, json)).isEmpty();
        assertThat(TemplateComparison.differencesIgnoringRetain(yaml, json.replace("\"3\"", "4")))
                .containsExactly("/Resources/SpotAccount/Properties/Count");
    }
}
