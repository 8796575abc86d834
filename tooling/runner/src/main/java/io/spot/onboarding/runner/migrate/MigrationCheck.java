package io.spot.onboarding.runner.migrate;

import io.spot.onboarding.emulator.SpotAccountRecord;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.runner.stack.Stack;
import io.spot.onboarding.runner.stack.StackResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the migration left in Spot for each account Spot's StackSet had enrolled, read from the
 * emulator and moto (not from what the handlers said): the same Spot account, held by the new stack
 * (Reused, or Adopted and linked to the new SpotRole with the old link remembered), linked to a role
 * Spot can assume, named, enrolled; none deleted, none linked to a role that no longer exists.
 *
 * @param adopt whether the new stacks adopt (else reuse) the accounts
 */
public record MigrationCheck(List<AccountState> accounts, int spotAccountsBefore, int spotAccountsNow, boolean adopt) {

    /**
     * @param linkedRole     the role Spot assumes for the account now, null when unlinked or deleted
     * @param newRole        the new stack's SpotRole, null when the new stack is not CREATE_COMPLETE
     * @param previousRole   the new stack's LinkedCredentials PreviousRoleArn, null when not recorded
     * @param held           the new stack is complete and holds the same Spot account, as the policy says
     * @param reachable      Spot can assume the linked role with the external ID it presents (the emulator)
     */
    public record AccountState(
            LegacyAccount legacy,
            boolean exists,
            boolean held,
            String linkedRole,
            boolean linkedRoleExists,
            boolean reachable,
            String newRole,
            String previousRole,
            boolean named,
            boolean enrolled) {

        public boolean usesNewRole() {
            return newRole != null && newRole.equals(linkedRole) && linkedRoleExists;
        }

        /** Held by its new stack, reachable by Spot, named and enrolled; Adopted ones on the new role. */
        public boolean migrated(final boolean adopt) {
            return exists && held && reachable && linkedRoleExists && named && enrolled && (!adopt || usesNewRole());
        }

        public boolean remembersOldLink() {
            return legacy.oldRoleArn().equals(previousRole);
        }
    }

    public static MigrationCheck of(
            final SpotEmulator spot,
            final LegacyStackSet legacy,
            final Map<String, Stack> stacksByAccount,
            final int spotAccountsBefore,
            final boolean adopt) {
        final List<AccountState> states = new ArrayList<>();
        for (final LegacyAccount account : legacy.accounts()) {
            final SpotAccountRecord record =
                    spot.state().account(account.spotAccountId()).orElse(null);
            final Stack stack = stacksByAccount.get(account.awsAccountId());
            final boolean complete = stack != null && stack.status().equals("CREATE_COMPLETE");
            final String linked = record == null ? null : record.iamRole();
            states.add(new AccountState(
                    account,
                    record != null,
                    complete
                            && account.spotAccountId().equals(physicalId(stack, "SpotAccount"))
                            && (adopt ? "Adopted" : "Reused").equals(model(stack, "SpotAccount", "Ownership")),
                    linked,
                    linked != null && legacy.roleExists(account, linked),
                    record != null && spot.state().spotCanAssume(account.spotAccountId()),
                    complete ? model(stack, "SpotRole", "Arn") : null,
                    stack == null ? null : model(stack, "SpotLinkedCredentials", "PreviousRoleArn"),
                    record != null && account.member().alias().equals(record.name()),
                    record != null && spot.state().isCostIntelligenceEnrolled(account.spotAccountId())));
        }
        return new MigrationCheck(
                List.copyOf(states), spotAccountsBefore, spot.state().accounts().size(), adopt);
    }

    /** Every account migrated, and nothing lost: the migration's success. */
    public boolean complete() {
        return count(s -> s.migrated(adopt)) == accounts.size() && safe();
    }

    /**
     * Whatever else happened: no Spot account deleted or duplicated, none linked to a deleted role or
     * to one Spot can no longer assume.
     */
    public boolean safe() {
        return count(s -> !s.exists()) == 0
                && count(s -> s.linkedRole() != null && !s.linkedRoleExists()) == 0
                && count(s -> s.exists() && !s.reachable()) == 0
                && spotAccountsNow == spotAccountsBefore;
    }

    public long count(final Predicate<AccountState> which) {
        return accounts.stream().filter(which).count();
    }

    public List<String> lines() {
        final List<String> lines = new ArrayList<>();
        lines.add("Migration over " + accounts.size() + " account" + (accounts.size() == 1 ? "" : "s")
                + " that Spot's StackSet had enrolled (checked in the emulator and moto):");
        final String held = adopt ? "Adopted" : "Reused";
        lines.add(line(
                held.toLowerCase() + " by its new stack",
                count(AccountState::held),
                "the same Spot account, Ownership " + held));
        if (adopt) {
            lines.add(line("linked to the new role", count(AccountState::usesNewRole), "the new stack's SpotRole"));
            lines.add(line(
                    "old link remembered",
                    count(AccountState::remembersOldLink),
                    "LinkedCredentials PreviousRoleArn is the old SpotRole"));
        } else {
            lines.add(line(
                    "on the old role",
                    count(s -> s.legacy().oldRoleArn().equals(s.linkedRole()) && s.linkedRoleExists()),
                    "kept: Spot still uses it"));
        }
        lines.add(line(
                "reachable by Spot",
                count(s -> s.exists() && s.reachable()),
                "Spot can assume the linked role with the external ID it presents"));
        lines.add(line("named after the alias", count(AccountState::named), null));
        lines.add(line("enrolled", count(AccountState::enrolled), "Cost Intelligence"));
        lines.add(line("Spot accounts deleted", count(s -> !s.exists()), null));
        lines.add(line("linked to a deleted role", count(s -> s.linkedRole() != null && !s.linkedRoleExists()), null));
        lines.add(line("Spot accounts in all", spotAccountsNow, "before the migration: " + spotAccountsBefore));
        accounts.stream()
                .filter(s -> !s.migrated(adopt))
                .limit(5)
                .forEach(s -> lines.add("      not migrated: "
                        + s.legacy().awsAccountId() + " (" + s.legacy().spotAccountId() + "): "
                        + (s.exists()
                                ? "linked to " + s.linkedRole() + (s.linkedRoleExists() ? "" : " (deleted)")
                                        + (s.reachable() ? "" : " (Spot cannot assume it)")
                                : "deleted")
                        + (s.named() ? "" : ", renamed")
                        + (s.enrolled() ? "" : ", not enrolled")));
        return lines;
    }

    private static String line(final String what, final long count, final String note) {
        return String.format("  %-26s %d%s", what, count, note == null ? "" : "  (" + note + ")");
    }

    private static String physicalId(final Stack stack, final String logicalId) {
        final StackResource resource = stack.resource(logicalId);
        return resource == null ? null : resource.state().physicalId();
    }

    private static String model(final Stack stack, final String logicalId, final String property) {
        final StackResource resource = stack.resource(logicalId);
        if (resource == null
                || resource.state().model() == null
                || !resource.state().model().hasNonNull(property)) {
            return null;
        }
        return resource.state().model().get(property).asText();
    }
}
