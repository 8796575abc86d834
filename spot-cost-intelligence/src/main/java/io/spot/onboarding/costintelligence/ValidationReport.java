package io.spot.onboarding.costintelligence;

import io.spot.onboarding.common.api.ValidationCheck;
import java.util.List;

/** What Spot's Cost Intelligence pre-flight (E12) said, worded for an event message. */
record ValidationReport(List<ValidationCheck> failed, List<ValidationCheck> warnings) {

    static ValidationReport of(final List<ValidationCheck> checks) {
        return new ValidationReport(
                checks.stream().filter(ValidationCheck::failed).toList(),
                checks.stream().filter(ValidationCheck::warning).toList());
    }

    boolean passed() {
        return failed.isEmpty();
    }

    String failureMessage(final String accountId) {
        return "Spot's Cost Intelligence pre-flight validation of " + accountId + " failed " + failed.size()
                + (failed.size() == 1 ? " check: " : " checks: ") + numbered(failed) + ". Nothing was enrolled. Fix "
                + (failed.size() == 1 ? "it" : "them")
                + " and retry (Validate: false skips the pre-flight, but Spot is "
                + "then likely to refuse or only partly connect the enrollment).";
    }

    /** Null when there is nothing to warn about. */
    String warningText() {
        return warnings.isEmpty() ? null : "Spot's pre-flight validation warned: " + numbered(warnings) + ".";
    }

    private static String numbered(final List<ValidationCheck> checks) {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < checks.size(); i++) {
            text.append(i == 0 ? "" : "; ").append(i + 1).append(") ").append(checks.get(i));
        }
        return text.toString();
    }
}
