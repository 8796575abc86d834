package io.spot.onboarding.runner.spot;

import java.util.List;
import java.util.Optional;

/**
 * Where the runner finds each Spot type: its HandlerWrapper class (loaded by reflection, so a
 * module missing from the build is a clear error at run time, not a compile failure), its schema
 * on the classpath, and the Maven module that provides both.
 *
 * @param createMayWaitWithoutIdentifier Spot assigns the identifier, so a Create throttled before
 *                                       the resource exists has none to carry (HandlerContract)
 */
public record SpotTypeInfo(
        String typeName,
        String wrapperClass,
        String schemaFile,
        String module,
        boolean createMayWaitWithoutIdentifier) {

    public static final List<SpotTypeInfo> ALL = List.of(
            new SpotTypeInfo(
                    "Spot::Onboarding::Account",
                    "io.spot.onboarding.account.HandlerWrapper",
                    "spot-onboarding-account.json",
                    "spot-account",
                    true),
            new SpotTypeInfo(
                    "Spot::Onboarding::LinkedCredentials",
                    "io.spot.onboarding.linkedcredentials.HandlerWrapper",
                    "spot-onboarding-linkedcredentials.json",
                    "spot-linked-credentials",
                    false),
            new SpotTypeInfo(
                    "Spot::Onboarding::AccountAlias",
                    "io.spot.onboarding.accountalias.HandlerWrapper",
                    "spot-onboarding-accountalias.json",
                    "spot-account-alias",
                    false),
            new SpotTypeInfo(
                    "Spot::Onboarding::CostIntelligence",
                    "io.spot.onboarding.costintelligence.HandlerWrapper",
                    "spot-onboarding-costintelligence.json",
                    "spot-cost-intelligence",
                    false));

    public static Optional<SpotTypeInfo> find(final String typeName) {
        return ALL.stream().filter(info -> info.typeName.equals(typeName)).findFirst();
    }

    public static boolean isSpotType(final String typeName) {
        return typeName.startsWith("Spot::");
    }
}
