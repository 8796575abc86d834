package io.spot.onboarding.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The migrate script's queries, answered from saved JSON as the AWS CLI's --output text prints them. */
class SavedAnswerTest {
    private static final SavedAnswer STACK_SET = new SavedAnswer("""
        {"StackSet": {"StackSetName": "SpotOnboarding", "Status": "ACTIVE",
          "TemplateBody": "Resources:\\n  A: {Type: AWS::IAM::Role}",
          "Parameters": [{"ParameterKey": "Token", "ParameterValue": "****"},
                         {"ParameterKey": "UpdateExistingAccounts", "ParameterValue": "true"}],
          "PermissionModel": "SERVICE_MANAGED",
          "AutoDeployment": {"Enabled": true}}}
        """);

    @Test
    void answersFieldsProjectionsAndMultiselectListsAsTextOutputDoes() {
        assertThat(STACK_SET.text("StackSet.Status")).isEqualTo("ACTIVE");
        assertThat(STACK_SET.text("StackSet.TemplateBody")).isEqualTo("Resources:\n  A: {Type: AWS::IAM::Role}");
        assertThat(STACK_SET.text("StackSet.Parameters[].ParameterKey")).isEqualTo("Token\tUpdateExistingAccounts");
        assertThat(
                        STACK_SET.text(
                                "StackSet.[PermissionModel,AutoDeployment.Enabled,AutoDeployment.RetainStacksOnAccountRemoval]"))
                .isEqualTo("SERVICE_MANAGED\tTrue\tNone");
        assertThat(STACK_SET.text("StackSet.Missing")).isEqualTo("None");
    }

    @Test
    void aListOfRowsIsOneLineARow() {
        final SavedAnswer instances = new SavedAnswer("""
            {"Summaries": [
              {"Account": "111111111111", "Region": "us-east-1", "Status": "CURRENT", "OrganizationalUnitId": "ou-a"},
              {"Account": "222222222222", "Region": "eu-west-1", "Status": "OUTDATED"}]}
            """);

        assertThat(instances.text("Summaries[].[Account,Region,Status,OrganizationalUnitId]"))
                .isEqualTo("111111111111\tus-east-1\tCURRENT\tou-a\n222222222222\teu-west-1\tOUTDATED\tNone");
        assertThat(new SavedAnswer("{\"Summaries\": []}").text("Summaries[].[Account,Region]"))
                .isEmpty();
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> new SavedAnswer("Resources: {}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("not an AWS CLI JSON answer");
    }
}
