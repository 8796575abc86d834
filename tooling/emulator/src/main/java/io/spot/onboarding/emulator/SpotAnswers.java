package io.spot.onboarding.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the emulator answers the questions Spot has not (docs/spot-api.md §8, open questions 6, 7 and
 * 13). Each answer is an option; {@link #DEFAULT} is the answer the project took before the question
 * could be modelled, so a test that names none runs as before.
 *
 * @param externalIds        open question 7: what minting a new external ID does to the earlier ones
 * @param names              open question 6: whether an account name needs a letter
 * @param organizationHeader open question 13: whether {@code /cbi/v1} needs {@code Spotinst-Organization-ID}
 */
public record SpotAnswers(ExternalIds externalIds, Names names, OrganizationHeader organizationHeader) {

    public static final SpotAnswers DEFAULT =
            new SpotAnswers(ExternalIds.KEEPS_OLD, Names.ACCEPTED, OrganizationHeader.OPTIONAL);

    /** Every answer Spot has not given taken the other way. */
    public static final SpotAnswers STRICT =
            new SpotAnswers(ExternalIds.REPLACES_OLD, Names.REFUSED, OrganizationHeader.REQUIRED);

    public SpotAnswers {
        Objects.requireNonNull(externalIds, "externalIds");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(organizationHeader, "organizationHeader");
    }

    /** A new external ID for an account that has one. */
    public enum ExternalIds implements Option {
        /**
         * Earlier IDs stay valid: Spot keeps assuming the linked role with the ID it was linked with;
         * an earlier ID a link has used stays accepted for a link, one never used until its maxValidUntil.
         */
        KEEPS_OLD,
        /** Only the newest ID is valid: Spot assumes the linked role with it, and links only a role that trusts it. */
        REPLACES_OLD
    }

    /** An account name (E2, E4) with no letter, such as a 12-digit AWS account ID. */
    public enum Names implements Option {
        ACCEPTED,
        /** The documented rule: refused with a ValidationError on {@code body.account.name}. */
        REFUSED
    }

    /** {@code Spotinst-Organization-ID} on the Cost Intelligence routes (E10 to E12). */
    public enum OrganizationHeader implements Option {
        OPTIONAL,
        /** As Spot's tutorial lists it: a call without the organization's ID is refused. */
        REQUIRED
    }

    /** An answer as its command-line value: its name in lower case, words joined by hyphens. */
    public interface Option {
        String name();

        default String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public SpotAnswers with(final ExternalIds answer) {
        return new SpotAnswers(answer, names, organizationHeader);
    }

    public SpotAnswers with(final Names answer) {
        return new SpotAnswers(externalIds, answer, organizationHeader);
    }

    public SpotAnswers with(final OrganizationHeader answer) {
        return new SpotAnswers(externalIds, names, answer);
    }

    /** The command-line value of {@code type} ({@code "replaces-old"}), or a message listing the values. */
    public static <E extends Enum<E> & Option> E parse(final Class<E> type, final String option, final String value) {
        for (final E answer : type.getEnumConstants()) {
            if (answer.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return answer;
            }
        }
        throw new IllegalArgumentException(option + " takes "
                + String.join(
                        " or ",
                        Arrays.stream(type.getEnumConstants())
                                .map(Option::value)
                                .toList())
                + ", got '" + value + "'");
    }

    /** The options that give these answers, e.g. {@code --new-external-id replaces-old}. */
    public List<String> options() {
        final List<String> options = new ArrayList<>();
        options.add("--new-external-id=" + externalIds.value());
        options.add("--digits-only-names=" + names.value());
        options.add("--organization-header=" + organizationHeader.value());
        return options;
    }

    @Override
    public String toString() {
        return String.join(" ", options());
    }
}
