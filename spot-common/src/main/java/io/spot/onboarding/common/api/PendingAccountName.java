package io.spot.onboarding.common.api;

import java.util.regex.Pattern;

/**
 * The shape of the name a Spot::Onboarding::Account Create gives a new Spot account until it has
 * its final name: {@code cfn-pending-} and 24 hex digits of a hash of the resource's place. The
 * Account type makes it; the AccountAlias type must recognise it, because with the Account's
 * {@code NamedByAccountAlias} it is the AccountAlias that gives the account its first real name,
 * and a marker is never a name to restore.
 */
public final class PendingAccountName {
    public static final String PREFIX = "cfn-pending-";
    public static final int HEX_DIGITS = 24;
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(PREFIX) + "[0-9a-f]{" + HEX_DIGITS + "}");

    private PendingAccountName() {}

    public static boolean is(final String name) {
        return name != null && SHAPE.matcher(name).matches();
    }
}
