package io.spot.onboarding.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Retain step on a template of the shape of Spot's onboarding StackSet (written by us, see the fixture). */
class RetainPolicyTest {
    static final List<String> SPOT_CUSTOM_RESOURCES = List.of(
            "SpotAccount",
            "SpotExternalId",
            "SpotLinkedCredentials",
            "RenamedSpotAccountByAlias",
            "EnableCostIntelligence");

    static String fixture(final String name) {
        try (InputStream in = RetainPolicyTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyLambdaBackedResourceIsRetainedAndNoOtherLineChanges() {
        final String spot = fixture("spot-onboarding-stackset.yml");

        final RetainPolicy.Result result = RetainPolicy.apply(spot);

        assertThat(result.changed())
                .extracting(RetainTarget::logicalId)
                .containsExactlyElementsOf(SPOT_CUSTOM_RESOURCES);
        assertThat(result.changed())
                .allSatisfy(r -> assertThat(r.serviceToken())
                        .startsWith("arn:aws:lambda:${AWS::Region}:178579023202:function:"));
        assertThat(result.alreadyRetained()).isEmpty();
        final List<String> before = lines(spot);
        final List<String> after = lines(result.template().text());
        // Two lines per custom resource, right under its key; every other line as it was, comments included.
        assertThat(after).hasSize(before.size() + 2 * SPOT_CUSTOM_RESOURCES.size());
        for (final String id : SPOT_CUSTOM_RESOURCES) {
            final int key = after.indexOf("  " + id + ":");
            assertThat(after.subList(key + 1, key + 3))
                    .as(id)
                    .containsExactly("    DeletionPolicy: Retain", "    UpdateReplacePolicy: Retain");
        }
        final List<String> withoutAdded = new ArrayList<>(after);
        withoutAdded.removeIf(
                line -> line.equals("    DeletionPolicy: Retain") || line.equals("    UpdateReplacePolicy: Retain"));
        assertThat(withoutAdded).isEqualTo(before);
        // Parsed as CloudFormation parses it: the role, the policies, every property and output untouched.
        final TemplateDocument original = TemplateDocument.parse(spot);
        assertThat(TemplateComparison.differences(
                        original.tree(), result.template().tree()))
                .containsExactlyInAnyOrder(SPOT_CUSTOM_RESOURCES.stream()
                        .flatMap(id ->
                                RetainPolicy.ATTRIBUTES.stream().map(attribute -> "/Resources/" + id + "/" + attribute))
                        .toArray(String[]::new));
        assertThat(result.template().resources().get("SpotRole"))
                .isEqualTo(original.resources().get("SpotRole"));
        assertThat(result.template().resources().get("SpotRole")).doesNotContainKey("DeletionPolicy");
    }

    /** The migration's default: the old SpotRole and its policies stay too, since Spot keeps using the role. */
    @Test
    void customResourcesAndTheOldRoleAndPoliciesCanBeRetainedTogether() {
        final Selection selection = Selection.WITH_SPOT_ROLE;

        final RetainPolicy.Result result = RetainPolicy.apply(fixture("spot-onboarding-stackset.yml"), selection);

        assertThat(result.changed())
                .extracting(RetainTarget::logicalId)
                .contains("SpotRole")
                .containsAll(SPOT_CUSTOM_RESOURCES)
                .hasSize(SPOT_CUSTOM_RESOURCES.size() + 3);
        assertThat(RetainPolicy.notRetained(result.template().text(), selection))
                .isEmpty();
        assertThat(RetainPolicy.notRetained(result.template().text(), Selection.CUSTOM))
                .isEmpty();
        assertThat(TemplateComparison.differencesIgnoringRetain(
                        fixture("spot-onboarding-stackset.yml"),
                        result.template().text()))
                .isEmpty();
    }

    @Test
    void aSecondRunChangesNothing() {
        final String once = RetainPolicy.apply(fixture("spot-onboarding-stackset.yml"))
                .template()
                .text();

        final RetainPolicy.Result twice = RetainPolicy.apply(once);

        assertThat(twice.template().text()).isEqualTo(once);
        assertThat(twice.changed()).isEmpty();
        assertThat(twice.alreadyRetained()).hasSize(5);
        assertThat(RetainPolicy.notRetained(once)).isEmpty();
        assertThat(RetainPolicy.notRetained(fixture("spot-onboarding-stackset.yml")))
                .hasSize(5);
    }

    @Test
    void anExplicitDeletePolicyBecomesRetainWithoutADuplicateKey() {
        final String spot = fixture("spot-onboarding-stackset.yml")
                .replace(
                        "    Type: Custom::SpotLinkedCredentials\n",
                        "    Type: Custom::SpotLinkedCredentials\n"
                                + "    DeletionPolicy: Delete   # Spot's default\n");

        final String result = RetainPolicy.apply(spot).template().text();

        assertThat(result)
                .contains("  SpotLinkedCredentials:\n    UpdateReplacePolicy: Retain\n"
                        + "    Type: Custom::SpotLinkedCredentials\n    DeletionPolicy: Retain\n")
                .doesNotContain("Delete ");
        assertThat(TemplateDocument.parse(result).resources().get("SpotLinkedCredentials"))
                .containsEntry("DeletionPolicy", "Retain")
                .containsEntry("UpdateReplacePolicy", "Retain");
    }

    @Test
    void windowsLineEndingsAreKept() {
        final String spot = fixture("spot-onboarding-stackset.yml").replace("\n", "\r\n");

        final String result = RetainPolicy.apply(spot).template().text();

        assertThat(result)
                .contains("  SpotAccount:\r\n    DeletionPolicy: Retain\r\n    UpdateReplacePolicy: Retain\r\n")
                .doesNotContainPattern("[^\r]\n");
    }

    @Test
    void aJsonTemplateStaysJsonWithItsValues() {
        final String spot = fixture("spot-onboarding-stackset.json");

        final RetainPolicy.Result result = RetainPolicy.apply(spot);

        assertThat(result.template().json()).isTrue();
        assertThat(result.changed())
                .extracting(RetainTarget::logicalId)
                .containsExactly("SpotAccount", "SpotExternalId");
        final Map<String, Map<String, Object>> resources = result.template().resources();
        assertThat(resources.get("SpotExternalId"))
                .containsEntry("DeletionPolicy", "Retain")
                .containsEntry("UpdateReplacePolicy", "Retain");
        assertThat(resources.get("SpotRole"))
                .isEqualTo(TemplateDocument.parse(spot).resources().get("SpotRole"));
        assertThat(result.template().text()).contains("\"Timeout\" : 300.50");
    }

    @Test
    void aResourceOnOneLineIsRefusedNamingIt() {
        final String spot = """
            Resources:
              SpotAccount: {Type: Custom::SpotAccount, Properties: {ServiceToken: arn:aws:lambda:us-east-1:178579023202:function:x}}
            """;

        assertThatThrownBy(() -> RetainPolicy.apply(spot))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("SpotAccount")
                .hasMessageContaining("flow style");
    }

    @Test
    void aTemplateWithoutCustomResourcesIsNotSpots() {
        assertThatThrownBy(() -> RetainPolicy.apply("Resources:\n  Role:\n    Type: AWS::IAM::Role\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no custom resource");
        assertThatThrownBy(() -> RetainPolicy.apply("Description: nothing\n"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no Resources section");
    }

    /** The rollback's use: the new stacks may go, the Spot accounts they adopted stay. */
    @Test
    void theOnboardingTemplatesAccountCanBeRetainedAlone() throws IOException {
        final String onboarding = java.nio.file.Files.readString(java.nio.file.Path.of("../..", "template.yml"));

        final RetainPolicy.Result result =
                RetainPolicy.apply(onboarding, Selection.of(List.of("Spot::Onboarding::Account")));

        assertThat(result.changed())
                .extracting(RetainTarget::type)
                .containsOnly("Spot::Onboarding::Account")
                .hasSize(1);
        assertThat(RetainPolicy.notRetained(
                        result.template().text(), Selection.of(List.of("Spot::Onboarding::Account"))))
                .isEmpty();
        final var before = TemplateDocument.parse(onboarding).resources();
        assertThat(TemplateDocument.parse(result.template().text()).resources())
                .allSatisfy((id, body) -> assertThat(body.get("DeletionPolicy"))
                        .as(id)
                        .isEqualTo(
                                "Spot::Onboarding::Account".equals(body.get("Type"))
                                        ? "Retain"
                                        : before.get(id).get("DeletionPolicy")));
        assertThatThrownBy(() -> RetainPolicy.apply(onboarding, Selection.of(List.of("Spot::Onboarding::Nothing"))))
                .hasMessageContaining("no resource of type Spot::Onboarding::Nothing");
    }

    private static List<String> lines(final String text) {
        return Arrays.asList(text.split("\n", -1));
    }
}
