package io.spot.onboarding.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spot.onboarding.bench.Onboarding.Type;
import io.spot.onboarding.emulator.RecordedRequest;
import io.spot.onboarding.emulator.SpotEmulator;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Figure 4: Spot API calls for one account's enrolment (all four types created), update, drift
 * detection and delete, counted at the emulator, next to the fewest the API allows.
 */
final class ApiCalls {
    private static final String AWS_ACCOUNT = "444455556666";

    /** The fewest calls each step needs with Spot's API as it is, and why. */
    private static final Map<String, String> MINIMUM = Map.of(
            "enroll",
                    "6: look up the AWS account (1), create (1), mint the external ID (1), link (1), rename (1), "
                            + "enrol (1); reading back, validating and waiting for the listing are extra",
            "update (rename)", "1: the PUT",
            "drift detection", "4: one read per resource (Cost Intelligence: one page of the list at best)",
            "delete",
                    "2: delete the Spot account (1), restore the name first (1); there is no unlink or un-enrol call");

    private ApiCalls() {}

    static void print(final PrintStream out) {
        out.println("4. Spot API calls for one account (counted at the emulator)");
        try (SpotEmulator spot = Onboarding.emulator()) {
            final Onboarding onboarding = new Onboarding(spot);
            spot.clearRequests();
            final Map<Type, JsonNode> models = onboarding.enroll(AWS_ACCOUNT);
            report(out, "enroll", spot.requests());

            spot.clearRequests();
            final ObjectNode renamed =
                    ((ObjectNode) models.get(Type.ACCOUNT_ALIAS)).deepCopy().put("Name", "renamed");
            final JsonNode alias = onboarding
                    .run(Type.ACCOUNT_ALIAS, "UPDATE", AWS_ACCOUNT, renamed, models.get(Type.ACCOUNT_ALIAS))
                    .model();
            report(out, "update (rename)", spot.requests());

            spot.clearRequests();
            for (final Type type : Type.values()) {
                onboarding.run(type, "READ", AWS_ACCOUNT, type == Type.ACCOUNT_ALIAS ? alias : models.get(type), null);
            }
            report(out, "drift detection", spot.requests());

            spot.clearRequests();
            for (final Type type :
                    List.of(Type.COST_INTELLIGENCE, Type.ACCOUNT_ALIAS, Type.LINKED_CREDENTIALS, Type.ACCOUNT)) {
                onboarding.run(
                        type, "DELETE", AWS_ACCOUNT, type == Type.ACCOUNT_ALIAS ? alias : models.get(type), null);
            }
            report(out, "delete", spot.requests());
        }
    }

    private static void report(final PrintStream out, final String step, final List<RecordedRequest> requests) {
        final Map<String, Integer> byRoute = new TreeMap<>();
        requests.forEach(r -> byRoute.merge(r.method() + " " + r.route(), 1, Integer::sum));
        out.printf("   %-16s %3d calls; minimum %s%n", step, requests.size(), MINIMUM.get(step));
        byRoute.forEach((route, count) -> out.printf("   %16s %3d  %s%n", "", count, route));
    }
}
