package io.spot.onboarding.account;

import static io.spot.onboarding.harness.CloudFormationRequest.AWS_ACCOUNT_ID;
import static io.spot.onboarding.harness.CloudFormationRequest.props;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.harness.CloudFormationRequest;
import io.spot.onboarding.harness.HandlerResponse;
import io.spot.onboarding.testing.SpotTypeHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * NamedByAccountAlias: a new account keeps its create marker for the stack's AccountAlias to name,
 * so Spot's rename route sees one write per new account. Through the real HandlerWrapper, against
 * the emulator.
 */
class AccountNamedByAliasTest {
    @RegisterExtension
    final SpotTypeHarness harness = AccountHarness.start();

    private long renames() {
        return harness.spot.requests().stream()
                .filter(r -> "PUT".equals(r.method()))
                .count();
    }

    @Test
    void aNewAccountKeepsItsMarkerAndIsNotRenamed() {
        final HandlerResponse done =
                harness.create(props("{\"NamedByAccountAlias\":true}")).last();

        assertThat(done.status()).isEqualTo("SUCCESS");
        final SpotAccountRecord account =
                harness.spot.state().account(done.modelText("AccountId")).orElseThrow();
        assertThat(account.name()).startsWith(CreateMarker.PREFIX);
        assertThat(renames()).isZero();
        assertThat(done.modelText("Name")).as("what Spot has").isEqualTo(account.name());
        assertThat(done.modelText("Ownership")).isEqualTo("Created");
        assertThat(done.modelText("ExternalId")).isEqualTo(account.externalId());
        assertThat(done.message())
                .contains("keeps the name '" + account.name() + "'")
                .contains("AccountAlias");
    }

    @Test
    void turningNamedByAccountAliasOffFinishesTheRenameNoMarkerIsLeft() {
        final JsonNode created =
                harness.create(props("{\"NamedByAccountAlias\":true}")).last().model();

        final HandlerResponse updated = harness.update(created, props("{\"NamedByAccountAlias\":false}"))
                .last();

        assertThat(updated.status()).isEqualTo("SUCCESS");
        assertThat(harness.spot
                        .state()
                        .account(created.get("AccountId").asText())
                        .orElseThrow()
                        .name())
                .isEqualTo(AWS_ACCOUNT_ID);
        assertThat(updated.modelText("Name")).isEqualTo(AWS_ACCOUNT_ID);
    }

    @Test
    void aRetriedCreateStillFindsTheAccountByItsMarker() {
        final JsonNode first =
                harness.create(props("{\"NamedByAccountAlias\":true}")).last().model();
        // The account is still unlinked and still carries the marker: as after a create whose answer was lost.
        final int before = harness.spot.state().accounts().size();

        final HandlerResponse again =
                harness.create(props("{\"NamedByAccountAlias\":true}")).last();

        assertThat(again.status()).isEqualTo("SUCCESS");
        assertThat(again.modelText("AccountId"))
                .isEqualTo(first.get("AccountId").asText());
        assertThat(harness.spot.state().accounts()).hasSize(before);
    }

    @Test
    void aNameTheTemplateSetsIsStillThisResourcesToApply() {
        final HandlerResponse done = harness.create(props("{\"NamedByAccountAlias\":true,\"Name\":\"Payments prod\"}"))
                .last();

        assertThat(harness.spot
                        .state()
                        .account(done.modelText("AccountId"))
                        .orElseThrow()
                        .name())
                .isEqualTo("Payments prod");
        assertThat(renames()).isEqualTo(1);
    }

    @Test
    void withoutItTheAccountIsNamedAfterTheAwsAccountAsBefore() {
        final HandlerResponse done =
                harness.create(props("{\"NamedByAccountAlias\":false}")).last();

        assertThat(harness.spot
                        .state()
                        .account(done.modelText("AccountId"))
                        .orElseThrow()
                        .name())
                .isEqualTo(AWS_ACCOUNT_ID);
        assertThat(renames()).isEqualTo(1);
    }

    /** Write-only: Spot cannot report it, so Read never returns it and drift detection does not check it. */
    @Test
    void readAndListDoNotReturnTheWriteOnlyProperties() {
        final var sent = props("{\"NamedByAccountAlias\":true,\"ExistingAccountPolicy\":\"Adopt\"}");
        final JsonNode kept =
                CloudFormationRequest.kept(sent, harness.create(sent).last().model());

        final HandlerResponse read = harness.read(kept);
        final HandlerResponse list = harness.list(null);

        assertThat(kept.get("NamedByAccountAlias").asBoolean()).isTrue();
        assertThat(read.status()).isEqualTo("SUCCESS");
        assertThat(read.model().has("NamedByAccountAlias")).isFalse();
        assertThat(read.model().has("ExistingAccountPolicy")).isFalse();
        assertThat(list.models())
                .isNotEmpty()
                .allSatisfy(model -> assertThat(model.has("NamedByAccountAlias") || model.has("ExistingAccountPolicy"))
                        .isFalse());
    }
}
