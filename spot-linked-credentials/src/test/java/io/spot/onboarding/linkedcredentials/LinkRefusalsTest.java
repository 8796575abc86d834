package io.spot.onboarding.linkedcredentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.common.api.SpotError;
import io.spot.onboarding.common.api.SpotValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which set-credentials refusals are final and which are waited out as possible IAM propagation. */
class LinkRefusalsTest {

    private static SpotValidationException refusal(final SpotError... errors) {
        return new SpotValidationException("POST /setup/credentials/aws", 400, "req-1", List.of(errors), "Bad Request");
    }

    @Test
    void onlySpotsValidationErrorIsFinal() {
        assertThat(LinkRefusals.isFinal(
                        refusal(new SpotError("ValidationError", "\"accountId\" is required", "query.accountId"))))
                .isTrue();
        assertThat(LinkRefusals.isFinal(refusal(new SpotError("validationerror", "\"iamRole\" is required", null))))
                .isTrue();
    }

    @Test
    void aFieldNamedByAnotherCodeOrAMissingExternalIdIsWaitedOut() {
        // Whether Spot's propagation refusal names a field is not public: naming one does not make it final.
        assertThat(LinkRefusals.isFinal(refusal(new SpotError("CANT_ASSUME_ROLE", "bad", "body.credentials.iamRole"))))
                .isFalse();
        assertThat(LinkRefusals.isFinal(refusal(new SpotError("EXTERNAL_ID_MISSING", "no external id", null))))
                .isFalse();
    }

    @Test
    void anAssumeRoleFailureAndAnyCodeWeDoNotKnowAreWaitedOut() {
        assertThat(LinkRefusals.isFinal(refusal(new SpotError("CANT_ASSUME_ROLE", "Failed to assume role", null))))
                .isFalse();
        assertThat(LinkRefusals.isFinal(refusal(new SpotError("GENERAL_ERROR", "Could not validate role", null))))
                .isFalse();
        assertThat(LinkRefusals.isFinal(refusal())).isFalse();
    }

    @Test
    void spotsOwnWordsAreKeptForTheMessage() {
        assertThat(LinkRefusals.spotWords(refusal(new SpotError("CANT_ASSUME_ROLE", "Failed to assume role", null))))
                .isEqualTo("CANT_ASSUME_ROLE: Failed to assume role");
        assertThat(LinkRefusals.spotWords(refusal())).contains("HTTP 400").contains("req-1");
    }
}
