package io.spot.onboarding.account;

import io.spot.onboarding.common.api.PendingAccountName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.cloudformation.proxy.ResourceHandlerRequest;

/**
 * The name a Create gives the Spot account it creates, until it renames it to its final name. Spot
 * has no idempotency token, so this name is one: it is derived from the resource's place (the AWS
 * account and region of the stack, the stack's name, the logical ID, the target AWS account), which
 * nobody but this resource uses, so an account carrying it can only come from this resource's own
 * create call. The stack's name rather than its full ID: a StackSet instance whose failed stack is
 * created again under the same name finds the account its earlier attempt left, instead of leaving it
 * behind. Without a stack (Cloud Control), the request token of the operation stands in.
 *
 * <p>The first {@link #TARGET_DIGITS} hex digits hash the target AWS account alone, the other
 * {@value #PLACE_DIGITS} the resource's place: another resource's marker then shows which AWS account
 * its account is for, so a Create can see another resource creating an account for the same AWS
 * account (see {@link AccountLookup#othersPending}) without being able to take it.
 */
final class CreateMarker {
    static final String PREFIX = PendingAccountName.PREFIX;
    private static final int HEX_DIGITS = PendingAccountName.HEX_DIGITS;
    static final int TARGET_DIGITS = 8;
    static final int PLACE_DIGITS = HEX_DIGITS - TARGET_DIGITS;

    private CreateMarker() {}

    static String of(final ResourceHandlerRequest<?> request, final String awsAccountId) {
        return PREFIX + target(awsAccountId) + hex(seed(request, awsAccountId)).substring(0, PLACE_DIGITS);
    }

    /** Both forms of the marker this resource gives, computed once: a listing is tested name by name. */
    static Set<String> ownNames(final ResourceHandlerRequest<?> request, final String awsAccountId) {
        return Set.of(of(request, awsAccountId), legacy(request, awsAccountId));
    }

    /**
     * The marker this resource gave its account before markers named the target AWS account (24 hex
     * digits of the place alone): an account a Create of that version left is still found as its own.
     */
    static String legacy(final ResourceHandlerRequest<?> request, final String awsAccountId) {
        return PREFIX + hex(seed(request, awsAccountId)).substring(0, HEX_DIGITS);
    }

    /**
     * Whether a name is a marker some resource gave an account it creates for {@code awsAccountId}; the
     * AWS account's hash computed once, as a listing is tested name by name.
     */
    static Predicate<String> targeting(final String awsAccountId) {
        final String prefix = PREFIX + target(awsAccountId);
        return name -> PendingAccountName.is(name) && name.startsWith(prefix);
    }

    private static String target(final String awsAccountId) {
        return hex("aws-account\n" + awsAccountId).substring(0, TARGET_DIGITS);
    }

    private static String hex(final String seed) {
        return HexFormat.of().formatHex(sha256(seed));
    }

    private static String seed(final ResourceHandlerRequest<?> request, final String awsAccountId) {
        final String seed;
        if (request.getStackId() != null && request.getLogicalResourceIdentifier() != null) {
            seed = "stack\n" + stackWithoutInstance(request.getStackId()) + "\n"
                    + request.getLogicalResourceIdentifier() + "\n" + awsAccountId;
        } else {
            seed = "request\n" + request.getClientRequestToken() + "\n" + awsAccountId;
        }
        return seed;
    }

    /** arn:aws:cloudformation:region:account:stack/name/uuid without the /uuid. */
    private static String stackWithoutInstance(final String stackId) {
        final int stack = stackId.indexOf(":stack/");
        final int last = stackId.lastIndexOf('/');
        return stack >= 0 && last > stack + ":stack/".length() ? stackId.substring(0, last) : stackId;
    }

    private static byte[] sha256(final String seed) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
