package io.spot.onboarding.common.handler;

import java.util.Arrays;

/**
 * How a stack holds a Spot account (the Account type's {@code Ownership}, the other types'
 * {@code AccountOwnership}). It decides what the stack may change and delete.
 */
public enum Ownership {
    /** The stack created the account: it manages and deletes it. */
    CREATED("Created"),
    /** The account was already connected; the stack manages it from now on and deletes it. */
    ADOPTED("Adopted"),
    /** The account was already connected; the stack uses its ID and never changes or deletes it. */
    REUSED("Reused");

    private final String value;

    Ownership(final String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public boolean mayChange() {
        return this != REUSED;
    }

    /**
     * What an Update holds: the new model's ownership, else the one the resource has, else Reused. An
     * update that knows neither (resource import, Cloud Control, a model that lost it) must not turn the
     * account into one the stack writes to: unknown ownership leaves things as they are, in every type.
     */
    public static String forUpdate(final String desired, final String previous) {
        final String known = UnknownOwnership.forUpdate(desired, previous);
        return known != null ? known : REUSED.value;
    }

    /** The schema's enum already restricts the value; an unknown one reads as absent. */
    public static Ownership parse(final String value) {
        return Arrays.stream(values())
                .filter(o -> o.value.equals(value))
                .findFirst()
                .orElse(null);
    }
}
