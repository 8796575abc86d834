package io.spot.onboarding.runner.check;

import io.spot.onboarding.runner.eval.References;
import io.spot.onboarding.runner.template.ResourceDecl;
import io.spot.onboarding.runner.template.Template;
import io.spot.onboarding.runner.template.TemplateProblem;
import io.spot.onboarding.runner.template.TemplateValue;
import java.util.List;

/**
 * A Spot::Onboarding::Account whose {@code NamedByAccountAlias} may be true leaves a new Spot account
 * under its {@code cfn-pending-…} create marker for a Spot::Onboarding::AccountAlias to name. The
 * Account cannot see the rest of the template, so this check does: it refuses a template where such
 * an Account has no AccountAlias whose {@code AccountId} references it, created whenever the Account
 * leaves the name to it. Without one, the account would keep the marker for good.
 */
final class AliasPairing {
    static final String ACCOUNT = "Spot::Onboarding::Account";
    static final String ALIAS = "Spot::Onboarding::AccountAlias";
    private static final String PROPERTY = "NamedByAccountAlias";

    /** When NamedByAccountAlias may be true: always, under a condition, or never. */
    private record When(boolean possible, String condition) {
        static final When NEVER = new When(false, null);
        static final When ALWAYS = new When(true, null);
    }

    private final Template template;
    private final List<TemplateProblem> problems;

    AliasPairing(final Template template, final List<TemplateProblem> problems) {
        this.template = template;
        this.problems = problems;
    }

    void run() {
        for (final ResourceDecl account : template.resources().values()) {
            if (!ACCOUNT.equals(account.type()) || account.properties() == null) {
                continue;
            }
            final TemplateValue value = account.properties().get(PROPERTY);
            final When when = value == null ? When.NEVER : mayBeTrue(value);
            if (!when.possible() || hasPairedAlias(account, when)) {
                continue;
            }
            problems.add(new TemplateProblem(
                    account.properties().keyLocation(PROPERTY),
                    account.path() + "/Properties/" + PROPERTY,
                    account.logicalId() + " sets " + PROPERTY + " (it may be true"
                            + (when.condition() != null ? " when " + when.condition() + " holds" : "")
                            + "), but no " + ALIAS + " of this template with AccountId: !Ref " + account.logicalId()
                            + " is created whenever it is: a new Spot account would keep its cfn-pending- name "
                            + "for good. Add that AccountAlias (with the same Condition, or none), or set "
                            + PROPERTY + " to false"));
        }
    }

    private boolean hasPairedAlias(final ResourceDecl account, final When when) {
        return template.resources().values().stream()
                .filter(alias -> ALIAS.equals(alias.type()) && alias.properties() != null)
                .filter(alias -> alias.condition() == null
                        || alias.condition().equals(when.condition())
                        || alias.condition().equals(account.condition()))
                .anyMatch(alias -> namesAccount(alias.properties().get("AccountId"), account.logicalId()));
    }

    private static boolean namesAccount(final TemplateValue accountId, final String logicalId) {
        if (accountId == null) {
            return false;
        }
        return References.all(accountId).stream()
                .anyMatch(r -> logicalId.equals(r.target())
                        && (r.kind() == References.Kind.REF
                                || r.kind() == References.Kind.GET_ATT && "AccountId".equals(r.attribute())));
    }

    /**
     * Literal false never needs an AccountAlias; {@code Fn::If [C, true, false]} needs one under C;
     * anything else that may be true (a literal true, a parameter) needs one always.
     */
    private static When mayBeTrue(final TemplateValue value) {
        if (value instanceof TemplateValue.Scalar scalar) {
            return "false".equalsIgnoreCase(scalar.text().trim()) ? When.NEVER : When.ALWAYS;
        }
        if (value instanceof TemplateValue.Mapping mapping
                && mapping.intrinsicName().filter("Fn::If"::equals).isPresent()
                && mapping.get("Fn::If") instanceof TemplateValue.Sequence branches
                && branches.items().size() == 3
                && branches.items().get(0) instanceof TemplateValue.Scalar condition) {
            final boolean whenTrue = mayBeTrue(branches.items().get(1)).possible();
            final boolean whenFalse = mayBeTrue(branches.items().get(2)).possible();
            if (!whenTrue && !whenFalse) {
                return When.NEVER;
            }
            return whenTrue && !whenFalse ? new When(true, condition.text()) : When.ALWAYS;
        }
        if (value instanceof TemplateValue.Mapping mapping
                && mapping.intrinsicName().filter("Ref"::equals).isPresent()
                && mapping.get("Ref") instanceof TemplateValue.Scalar ref
                && "AWS::NoValue".equals(ref.text())) {
            return When.NEVER;
        }
        return When.ALWAYS;
    }
}
