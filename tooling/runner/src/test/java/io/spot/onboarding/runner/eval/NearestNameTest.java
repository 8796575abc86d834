package io.spot.onboarding.runner.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {
    private static final List<String> NAMES =
            List.of("IncludeElastigroupPolicy", "IncludeCostIntelligence", "RenameToAlias", "ExistingAccountPolicy");

    @Test
    void aTypoGetsTheNameItMissed() {
        assertThat(NearestName.of("RenameToAlas", NAMES)).contains("RenameToAlias");
        assertThat(NearestName.of("renametoalias", NAMES)).contains("RenameToAlias");
        assertThat(NearestName.of("IncludeCostInteligence", NAMES)).contains("IncludeCostIntelligence");
        assertThat(NearestName.of("ExistingAcountPolcy", NAMES)).contains("ExistingAccountPolicy");
    }

    @Test
    void aNameLikeNoneGetsNoSuggestion() {
        assertThat(NearestName.of("Colour", NAMES)).isEmpty();
        assertThat(NearestName.of("Token", NAMES)).isEmpty();
    }

    @Test
    void editsCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(NearestName.edits("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.edits("", "abc")).isEqualTo(3);
        assertThat(NearestName.edits("abc", "abc")).isZero();
    }
}
