package io.spot.onboarding.accountalias;

import static io.spot.onboarding.accountalias.AliasHarness.AWS_ACCOUNT_ID;
import static io.spot.onboarding.accountalias.AliasHarness.nameOf;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AccountOwnership absent (Cloud Control, whose models come from a Read of this write-only property; an
 * import; a template that does not pass it): every handler leaves the name as it is and says so.
 */
class AccountAliasUnknownOwnershipTest {
    @RegisterExtension
    final FakeIam iam = new FakeIam().alias("acme-prod");

    @RegisterExtension
    final SpotTypeHarness harness = AliasHarness.start(iam.source());

    private final String accountId = AliasHarness.onboardedAccount(harness).accountId();

    private ObjectNode model(final String ownership) {
        final ObjectNode model = props("{}").put("AccountId", accountId);
        return ownership == null ? model : model.put("AccountOwnership", ownership);
    }

    /** An Adopted account this resource named after the alias, as CloudFormation keeps it. */
    private JsonNode adopted() {
        final ObjectNode sent = model("Adopted").put("FailWithoutAlias", true);
        final JsonNode kept = CloudFormationRequest.kept(sent, harness.createKept(sent));
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-prod");
        return kept;
    }

    @Test
    void aCreateWithoutAccountOwnershipRenamesNothingAndSaysSo() {
        final HandlerResponse create = harness.create(model(null)).last();

        assertThat(create.status()).isEqualTo("SUCCESS");
        assertThat(create.message()).contains("AccountOwnership is unknown").contains("does not rename it");
        assertThat(harness.writes()).isZero();
        assertThat(nameOf(harness, accountId)).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void anUpdateWithAccountOwnershipAbsentLeavesTheNameAndSaysSo() {
        final JsonNode read = harness.read(adopted()).model();
        final long writes = harness.writes();

        // Cloud Control's UpdateResource: both models come from the Read; the patch removes Name (back to the alias).
        final ObjectNode desired = ((ObjectNode) read.deepCopy());
        desired.remove("Name");
        iam.alias("acme-renamed");
        final HandlerResponse update = harness.update(read, desired).last();

        assertThat(update.status()).isEqualTo("SUCCESS");
        assertThat(update.message()).contains("AccountOwnership is unknown").contains("does not rename it");
        assertThat(harness.writes()).isEqualTo(writes);
        assertThat(nameOf(harness, accountId)).isEqualTo("acme-prod");
    }

    @Test
    void aDeleteWithAccountOwnershipAbsentLeavesSpotAloneAndSucceeds() {
        final JsonNode read = harness.read(adopted()).model();
        final long writes = harness.writes();

        // Cloud Control's DeleteResource: what a Read returns, PreviousName and AppliedName included.
        final HandlerResponse delete = harness.delete(read).last();

        assertThat(read.path("PreviousName").asText()).isEqualTo(AWS_ACCOUNT_ID);
        assertThat(delete.status()).isEqualTo("SUCCESS");
        assertThat(delete.message())
                .contains("AccountOwnership is unknown")
                .contains("its name 'acme-prod' is left as it is")
                .contains("nothing was written in Spot");
        assertThat(harness.writes()).isEqualTo(writes);
        assertThat(nameOf(harness, accountId)).as("not restored").isEqualTo("acme-prod");
    }

    @Test
    void readAndListDoNotReturnTheWriteOnlyProperties() {
        final JsonNode kept = adopted();

        final HandlerResponse read = harness.read(kept);
        final HandlerResponse list = harness.list(null);

        assertThat(kept.path("AccountOwnership").asText()).isEqualTo("Adopted");
        assertThat(kept.path("FailWithoutAlias").asBoolean()).isTrue();
        assertThat(read.model().has("AccountOwnership")).isFalse();
        assertThat(read.model().has("FailWithoutAlias")).isFalse();
        assertThat(read.modelText("PreviousName")).as("read-only, kept").isEqualTo(AWS_ACCOUNT_ID);
        assertThat(read.modelText("AppliedName")).isEqualTo("acme-prod");
        assertThat(list.models())
                .isNotEmpty()
                .allSatisfy(model -> assertThat(model.has("AccountOwnership") || model.has("FailWithoutAlias"))
                        .isFalse());
    }
}
