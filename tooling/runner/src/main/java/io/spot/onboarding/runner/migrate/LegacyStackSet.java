package io.spot.onboarding.runner.migrate;

import io.spot.onboarding.emulator.RoleTrust;
import io.spot.onboarding.emulator.SpotEmulator;
import io.spot.onboarding.runner.aws.AwsClients;
import io.spot.onboarding.runner.env.MemberAccount;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * Spot's own onboarding StackSet, as far as the migration can see it: in each member account the
 * old stack's SpotRole (in moto) and, in the emulator, the Spot account its custom resources made
 * and linked to that role. Its custom resources are retained (step 1 of the migration), so
 * removing an old stack deletes only the role: no Spot Lambda is called.
 */
public final class LegacyStackSet {
    /** The name CloudFormation generated for the old stack's SpotRole (any fixed name serves). */
    public static final String OLD_ROLE = "StackSet-SpotOnboarding-SpotRole-LEGACY";

    private static final Duration ENROLLED_AGO = Duration.ofDays(90);
    /** The old SpotRole's trust: Spot, with the external ID the old stack's SpotExternalId minted. */
    private static final String TRUST = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::922761411349:root"},\
        "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"%s"}}}]}""";

    private final AwsClients aws;
    private final SpotEmulator spot;
    private final List<LegacyAccount> accounts;

    private LegacyStackSet(final AwsClients aws, final SpotEmulator spot, final List<LegacyAccount> accounts) {
        this.aws = aws;
        this.spot = spot;
        this.accounts = List.copyOf(accounts);
    }

    /** What the old StackSet made in every member account, before the migration starts. */
    public static LegacyStackSet seed(
            final AwsClients aws, final SpotEmulator spot, final List<MemberAccount> members) {
        final List<LegacyAccount> accounts = new ArrayList<>(members.size());
        for (final MemberAccount member : members) {
            final AwsSessionCredentials session = aws.enter(member.accountId(), "spot-legacy-" + member.index());
            // Spot's StackSet named the Spot account after the AWS account ID, then renamed it to the alias.
            final String spotAccount = spot.state()
                    .seedAccount(member.accountId(), ENROLLED_AGO, null)
                    .accountId();
            final String trust = TRUST.formatted(spot.state().mintExternalId(spotAccount));
            final String roleArn = aws.iam()
                    .createRole(r -> r.roleName(OLD_ROLE)
                            .assumeRolePolicyDocument(trust)
                            .overrideConfiguration(AwsClients.as(session)))
                    .role()
                    .arn();
            spot.state().roleTrust(roleArn, RoleTrust.parse(trust));
            spot.state().link(spotAccount, roleArn);
            spot.state().rename(spotAccount, member.alias());
            spot.state().enrollCostIntelligence(spotAccount);
            accounts.add(new LegacyAccount(member, spotAccount, roleArn, session));
        }
        return new LegacyStackSet(aws, spot, accounts);
    }

    public List<LegacyAccount> accounts() {
        return accounts;
    }

    /**
     * Deletes the old stack of an account: of what it holds, only the SpotRole may go, and only when
     * {@code roleToo} (else step 1 retained it).
     */
    public void removeOldStack(final LegacyAccount account, final boolean roleToo) {
        if (roleToo) {
            aws.iam().deleteRole(r -> r.roleName(OLD_ROLE).overrideConfiguration(AwsClients.as(account.session())));
            spot.state().roleDeleted(account.oldRoleArn());
        }
    }

    /** Whether the IAM role {@code roleArn} still exists in the account (moto). */
    public boolean roleExists(final LegacyAccount account, final String roleArn) {
        final String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        try {
            aws.iam().getRole(r -> r.roleName(name).overrideConfiguration(AwsClients.as(account.session())));
            return true;
        } catch (NoSuchEntityException gone) {
            return false;
        }
    }
}
