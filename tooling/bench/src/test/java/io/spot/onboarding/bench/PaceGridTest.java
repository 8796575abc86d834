package io.spot.onboarding.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.spot.onboarding.runner.output.RunReport.Operation;
import io.spot.onboarding.runner.output.RunReport.SpotCalls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaceGridTest {
    /** 500 accounts without limits: one call of each write route, two of most read routes, per account. */
    private static final Operation UNLIMITED = new Operation(
            "deploy",
            500,
            500,
            0,
            List.of(),
            null,
            1500,
            55.0,
            50,
            List.of(),
            new SpotCalls(
                    6500,
                    1500,
                    10,
                    10.0,
                    10,
                    0,
                    0,
                    0,
                    0L,
                    Map.of(
                            "POST /setup/account", 500,
                            "PUT /setup/account/{id}", 1000,
                            "GET /setup/account", 1000,
                            "GET /setup/account/{id}", 1000),
                    Map.of()),
            List.of());

    @Test
    void theCeilingIsTheLimitOverTheCallsAnAccountMakesOnItsTightestRoute() {
        // Per template: PUT /setup/account/{id} takes two calls an account, so 10 a minute allow 5 accounts.
        assertThat(PaceGrid.ceiling(PaceGrid.limits("template", 10), "template", UNLIMITED))
                .isEqualTo(5.0);
        assertThat(PaceGrid.ceiling(PaceGrid.limits("template", 600), "template", UNLIMITED))
                .isEqualTo(300.0);
    }

    @Test
    void perConcretePathARouteWithAnIdNeverBindsTheStackSet() {
        assertThat(PaceGrid.ceiling(PaceGrid.limits("path", 10), "path", UNLIMITED))
                .isEqualTo(10.0);
    }

    @Test
    void oneWindowForTheOrganizationCountsEveryCall() {
        // Every call counts: 3,500 over 500 accounts, 7 an account, against 100 a minute.
        assertThat(PaceGrid.ceiling(PaceGrid.limits("organization", 10), "organization", UNLIMITED))
                .isCloseTo(100 / 7.0, org.assertj.core.data.Offset.offset(0.01));
    }
}
