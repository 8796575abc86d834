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

/**
 * The runner's own checks, made after cfn-lint and before anything runs: only what cfn-lint cannot
 * see, against the Spot types' real schemas from their jars.
 */
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
        assertThat(problems(GOOD.replace("AccountOwnership: !GetAtt Account.Ownership", "AccountOwnership: {a: b}")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("wrong type: AccountOwnership must be a string"));
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

    /** References, conditions and DependsOn are cfn-lint's to check: the runner does not repeat it. */
    @Test
    void whatCfnLintChecksIsLeftToIt() {
        assertThat(problems(GOOD.replace(
                                "    Type: Spot::Onboarding::LinkedCredentials",
                                "    Type: Spot::Onboarding::LinkedCredentials\n    DependsOn: Nope\n    Condition: Never")
                        .replace("AccountId: !Ref Account", "AccountId: !Ref Acount")))
                .isEmpty();
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
        assertThat(problems(GOOD.replace("!Sub \"acme-${AWS::AccountId}\"", "!Join [\"-\", [acme, b]]")))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.location().line()).isEqualTo(8);
                    assertThat(p.message())
                            .contains("Fn::Join is not supported by the local runner")
                            .contains("Fn::Sub");
                });
    }

    @Test
    void aPseudoParameterOrParameterTypeTheRunnerCannotEvaluateIsRefused() {
        assertThat(problems(GOOD.replace("${AWS::AccountId}", "${AWS::StackName}")
                        .replace("{Type: String, AllowedValues", "{Type: CommaDelimitedList, AllowedValues")))
                .extracting(TemplateProblem::toString)
                .anySatisfy(m -> assertThat(m).contains("AWS::StackName is not supported by the local runner"))
                .anySatisfy(m -> assertThat(m)
                        .startsWith("t.yml:2:")
                        .contains("CommaDelimitedList parameters are not supported by the local runner"));
    }

    /**
     * The AWS types' properties are cfn-lint's to check: the runner once kept its own list of them
     * and called a valid ReplicaRegions on AWS::SecretsManager::Secret an unknown property.
     */
    @Test
    void awsTypesPropertiesAreLeftToCfnLint() {
        assertThat(problems("""
            Resources:
              Secret:
                Type: AWS::SecretsManager::Secret
                Properties:
                  Name: cfn/spot/api-token
                  ReplicaRegions:
                    - Region: eu-west-1
            """)).isEmpty();
    }

    private static final String NAMED_BY_ALIAS = """
        Parameters:
          RenameToAlias: {Type: String, AllowedValues: ['true', 'false'], Default: 'true'}
        Conditions:
          Rename: !Equals [!Ref RenameToAlias, 'true']
        Resources:
          Account:
            Type: Spot::Onboarding::Account
            Properties:
              NamedByAccountAlias: !If [Rename, true, false]
          Alias:
            Type: Spot::Onboarding::AccountAlias
            Condition: Rename
            Properties:
              AccountId: !Ref Account
              AccountOwnership: !GetAtt Account.Ownership
        """;

    @Test
    void anAccountLeavingItsNameToAnAccountAliasNeedsOneThatNamesIt() {
        assertThat(problems(NAMED_BY_ALIAS))
                .as("paired under the same condition")
                .isEmpty();

        final String withoutAlias = NAMED_BY_ALIAS.substring(0, NAMED_BY_ALIAS.indexOf("  Alias:"));
        assertThat(problems(withoutAlias)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("Resources/Account/Properties/NamedByAccountAlias");
            assertThat(p.location().line()).isEqualTo(9);
            assertThat(p.message())
                    .contains("when Rename holds")
                    .contains("Spot::Onboarding::AccountAlias")
                    .contains("cfn-pending-");
        });
        assertThat(problems(withoutAlias.replace("!If [Rename, true, false]", "true")))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("no Spot::Onboarding::AccountAlias"));
        assertThat(problems(withoutAlias.replace("!If [Rename, true, false]", "false")))
                .isEmpty();
    }

    @Test
    void theAccountAliasMustBeCreatedWheneverTheAccountLeavesItTheName() {
        assertThat(problems(NAMED_BY_ALIAS
                        .replace("Condition: Rename", "Condition: Other")
                        .replace("  Rename: !Equals", "  Other: !Equals [a, b]\n  Rename: !Equals")))
                .singleElement()
                .satisfies(p -> assertThat(p.path()).endsWith("NamedByAccountAlias"));
        assertThat(problems(NAMED_BY_ALIAS.replace("AccountId: !Ref Account", "AccountId: act-12345678")))
                .as("an AccountAlias that names another account")
                .anySatisfy(p -> assertThat(p.path()).endsWith("NamedByAccountAlias"));
        assertThat(problems(NAMED_BY_ALIAS.replace("!If [Rename, true, false]", "!Ref RenameToAlias")))
                .as("a parameter may be true when the AccountAlias's condition does not hold")
                .singleElement()
                .satisfies(p -> assertThat(p.path()).endsWith("NamedByAccountAlias"));
    }
}
