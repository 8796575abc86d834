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

    /** The schema's enum already restricts the value; an unknown one reads as absent. */
    public static Ownership parse(final String value) {
        return Arrays.stream(values())
                .filter(o -> o.value.equals(value))
                .findFirst()
                .orElse(null);
    }
}
