package io.spot.onboarding.runner.aws;

import java.util.SplittableRandom;

/**
 * The names CloudFormation gives resources the template leaves unnamed:
 * {@code <stack name>-<logical ID>-<random suffix>}, shortened to the service's limit.
 */
public final class PhysicalNames {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int SUFFIX = 12;

    private PhysicalNames() {}

    /** @param seed makes runs repeatable: the same stack and resource get the same name */
    public static String generate(
            final String stackName, final String logicalId, final int maxLength, final String seed) {
        return withSuffix(stackName + "-" + logicalId, maxLength, seed);
    }

    /** {@code <prefix>-<random suffix>}: a secret, for one, is named after its logical ID only. */
    public static String withSuffix(final String prefix, final int maxLength, final String seed) {
        final SplittableRandom random = new SplittableRandom(seed.hashCode() * 31L + prefix.hashCode());
        final StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < SUFFIX; i++) {
            suffix.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        final int room = maxLength - SUFFIX - 1;
        return (prefix.length() > room ? prefix.substring(0, room) : prefix) + "-" + suffix;
    }
}
