package io.spot.onboarding.runner.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.spot.onboarding.harness.SecretScanner;
import io.spot.onboarding.runner.spot.SpotTypeLoader;
import io.spot.onboarding.runner.template.TemplateException;
import io.spot.onboarding.runner.template.TemplateParser;
import io.spot.onboarding.runner.template.TemplateProblem;
import io.spot.onboarding.runner.types.TypeRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks made before anything runs, against the types' real schemas from their jars. */
class TemplateCheckTest {
    private final TypeRegistry types = new TypeRegistry(null, new SpotTypeLoader(new SecretScanner()));

    private List<TemplateProblem> problems(final String template) {
        try {
            TemplateCheck.check(TemplateParser.parse(template, "t.yml"), types);
            return List.of();
        } catch (TemplateException e) {
            return e.problems();
        }
    }

    private static final String GOOD = """
        Parameters:
          Policy: {Type: String, AllowedValues: [Adopt, Reuse], Default: Adopt}
        Resources:
          Account:
            Type: Spot::Onboarding::Account
            Properties:
              ExistingAccountPolicy: !Ref Policy
              Name: !Sub "acme-${AWS::AccountId}"
          Link:
            Type: Spot::Onboarding::LinkedCredentials
            Properties:
              AccountId: !Ref Account
              RoleArn: arn:aws:iam::123456789012:role/Spot
              AccountOwnership: !GetAtt Account.Ownership
        """;

    @Test
    void aTemplateThatFitsTheSchemasPasses() {
        assertThat(problems(GOOD)).isEmpty();
    }

    @Test
    void theOnboardingTemplatePasses() throws Exception {
        final Path onboarding = Path.of("../..", "template.yml");
        assumeThat(Files.exists(onboarding)).as("the repository's template.yml").isTrue();
        assertThatCode(() -> TemplateCheck.check(TemplateParser.parse(onboarding), types))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownPropertyIsNamedAtItsLineWithWhatTheTypeAccepts() {
        assertThat(problems(GOOD.replace("      Name: !Sub", "      Nmae: !Sub")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location().line()).isEqualTo(8);
                    assertThat(p.path()).isEqualTo("Resources/Account/Properties/Nmae");
                    assertThat(p.message())
                            .contains("unknown property Nmae")
                            .contains("AwsAccountId, ExistingAccountPolicy, Name");
                });
    }

    @Test
    void aReadOnlyPropertyCannotBeSet() {
        assertThat(problems(GOOD.replace("      Name: !Sub", "      ExternalId: !Sub")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("ExternalId is read-only")
                        .contains("!GetAtt Account.ExternalId"));
    }

    @Test
    void aMissingRequiredPropertyIsNamed() {
        assertThat(problems(GOOD.replace("      RoleArn: arn:aws:iam::123456789012:role/Spot\n", "")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.path()).isEqualTo("Resources/Link/Properties");
                    assertThat(p.location().line()).isEqualTo(12);
                    assertThat(p.message())
                            .contains("required property RoleArn is missing")
                            .contains("spot-onboarding-linkedcredentials.json");
                });
    }

    @Test
    void getAttReadsOnlyReadOnlyProperties() {
        assertThat(problems(GOOD.replace("!GetAtt Account.Ownership", "!GetAtt Account.Name")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location().line()).isEqualTo(14);
                    assertThat(p.message())
                            .contains("Fn::GetAtt Account.Name: Name is a property the template sets, not a "
                                    + "readOnly property")
                            .contains("AccountId, ExternalId, OrganizationId, Ownership");
                });
        assertThat(problems(GOOD.replace("!GetAtt Account.Ownership", "!GetAtt Account.Colour")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("has no attribute Colour"));
    }

    @Test
    void aValueOfTheWrongTypeIsNamed() {
        assertThat(problems(GOOD.replace("Name: !Sub \"acme-${AWS::AccountId}\"", "Name: [a, b]")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location().line()).isEqualTo(8);
                    assertThat(p.message()).contains("wrong type: Name must be a string, got an array");
                });
        assertThat(problems(
                        GOOD.replace("RoleArn: arn:aws:iam::123456789012:role/Spot", "RoleArn: !Split [',', 'a,b']")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Fn::Split returns an array"));
    }

    @Test
    void literalsAndParametersMustFitEnumsAndPatterns() {
        assertThat(problems(GOOD.replace("!Ref Policy", "Sometimes")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("'Sometimes' is not an allowed value of ExistingAccountPolicy"));
        assertThat(problems(GOOD.replace("[Adopt, Reuse]", "[Adopt, Keep]")))
                .singleElement()
                .satisfies(p -> assertThat(p.message())
                        .contains("parameter Policy allows 'Keep', which is not an allowed value"));
        assertThat(problems(GOOD.replace("role/Spot", "user/Spot")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("does not match the pattern of RoleArn"));
    }

    @Test
    void dependsOnConditionsAndRefsMustExist() {
        assertThat(problems(GOOD.replace(
                                "    Type: Spot::Onboarding::LinkedCredentials",
                                "    Type: Spot::Onboarding::LinkedCredentials\n    DependsOn: Nope\n    Condition: Never")
                        .replace("AccountId: !Ref Account", "AccountId: !Ref Acount")))
                .extracting(TemplateProblem::message)
                .anySatisfy(m -> assertThat(m).contains("DependsOn names Nope"))
                .anySatisfy(m -> assertThat(m).contains("condition Never is not declared"))
                .anySatisfy(m -> assertThat(m).contains("Ref to Acount, which is not a parameter"));
    }

    @Test
    void aTypeTheRunnerCannotRunIsNamedAtItsTypeLine() {
        final List<TemplateProblem> found = problems("""
            Resources:
              Bucket: {Type: AWS::S3::Bucket}
              Other:
                Type: Spot::Onboarding::Nothing
            """);
        assertThat(found).extracting(p -> p.location().line()).containsExactly(2, 4);
        assertThat(found.get(0).message()).contains("cannot create AWS::S3::Bucket");
        assertThat(found.get(1).message()).contains("Spot::Onboarding::Nothing is not a Spot type the runner knows");
    }

    @Test
    void aFunctionTheRunnerCannotEvaluateIsRefusedBeforeAnythingRuns() {
        assertThat(problems(GOOD.replace("!Sub \"acme-${AWS::AccountId}\"", "!ImportValue shared-name")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location().line()).isEqualTo(8);
                    assertThat(p.message()).contains("Fn::ImportValue is not supported by the local runner");
                });
    }

    @Test
    void awsTypesAreCheckedToo() {
        assertThat(problems("""
            Resources:
              Role:
                Type: AWS::IAM::Role
                Properties:
                  RoleNam: x
            """))
                .extracting(TemplateProblem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown property RoleNam"))
                .anySatisfy(m -> assertThat(m).contains("required property AssumeRolePolicyDocument is missing"));
    }
}
