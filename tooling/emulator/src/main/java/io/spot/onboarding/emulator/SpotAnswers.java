package io.spot.onboarding.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How the emulator answers the questions Spot has not (docs/spot-api.md §8, open questions 5, 6, 7,
 * 11 and 13). Each answer is an option; {@link #DEFAULT} is the answer the project took before the
 * question could be modelled, so a test that names none runs as before.
 *
 * @param externalIds        open question 7: what minting a new external ID does to the earlier ones
 * @param names              open question 6: whether an account name needs a letter
 * @param organizationHeader open question 13: whether {@code /cbi/v1} needs {@code Spotinst-Organization-ID}
 * @param rateLimits         open questions 5 and 11: what a rate-limit window counts and what answers say of it
 */
public record SpotAnswers(
        ExternalIds externalIds, Names names, OrganizationHeader organizationHeader, RateLimitAnswers rateLimits) {

    public static final SpotAnswers DEFAULT = new SpotAnswers(
            ExternalIds.KEEPS_OLD, Names.ACCEPTED, OrganizationHeader.OPTIONAL, RateLimitAnswers.DEFAULT);

    /**
     * Every answer about accounts, names and the organization header taken the other way. The rate
     * limiter's answers stay as in {@link #DEFAULT}: they matter only under the limits a test sets, so
     * such a test picks them itself.
     */
    public static final SpotAnswers STRICT = new SpotAnswers(
            ExternalIds.REPLACES_OLD, Names.REFUSED, OrganizationHeader.REQUIRED, RateLimitAnswers.DEFAULT);

    public SpotAnswers {
        Objects.requireNonNull(externalIds, "externalIds");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(organizationHeader, "organizationHeader");
        Objects.requireNonNull(rateLimits, "rateLimits");
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
        return new SpotAnswers(answer, names, organizationHeader, rateLimits);
    }

    public SpotAnswers with(final Names answer) {
        return new SpotAnswers(externalIds, answer, organizationHeader, rateLimits);
    }

    public SpotAnswers with(final OrganizationHeader answer) {
        return new SpotAnswers(externalIds, names, answer, rateLimits);
    }

    public SpotAnswers with(final RateLimitAnswers answers) {
        return new SpotAnswers(externalIds, names, organizationHeader, answers);
    }

    public SpotAnswers with(final RateLimitAnswers.Scope answer) {
        return new SpotAnswers(externalIds, names, organizationHeader, rateLimits.with(answer));
    }

    public SpotAnswers with(final RateLimitAnswers.Headers answer) {
        return new SpotAnswers(externalIds, names, organizationHeader, rateLimits.with(answer));
    }

    public SpotAnswers with(final RateLimitAnswers.CountsRefused answer) {
        return new SpotAnswers(externalIds, names, organizationHeader, rateLimits.with(answer));
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

    /** The command-line option of each answer, as the standalone emulator and {@code ./spot-local} take it. */
    public static final List<String> OPTIONS = List.of(
            "--new-external-id",
            "--digits-only-names",
            "--organization-header",
            "--rate-limit-scope",
            "--rate-limit-headers",
            "--rate-limit-counts-refused");

    /** These answers with one option of {@link #OPTIONS} set, e.g. {@code ("--rate-limit-scope", "path")}. */
    public SpotAnswers with(final String option, final String value) {
        return switch (option) {
            case "--new-external-id" -> with(parse(ExternalIds.class, option, value));
            case "--digits-only-names" -> with(parse(Names.class, option, value));
            case "--organization-header" -> with(parse(OrganizationHeader.class, option, value));
            case "--rate-limit-scope" -> with(parse(RateLimitAnswers.Scope.class, option, value));
            case "--rate-limit-headers" -> with(parse(RateLimitAnswers.Headers.class, option, value));
            case "--rate-limit-counts-refused" -> with(parse(RateLimitAnswers.CountsRefused.class, option, value));
            default -> throw new IllegalArgumentException("unknown option " + option);
        };
    }

    /** The options that give these answers, in the order of {@link #OPTIONS}, e.g. {@code --rate-limit-scope=path}. */
    public List<String> options() {
        final List<Option> values = List.of(
                externalIds,
                names,
                organizationHeader,
                rateLimits.scope(),
                rateLimits.headers(),
                rateLimits.countsRefused());
        final List<String> options = new ArrayList<>();
        for (int i = 0; i < OPTIONS.size(); i++) {
            options.add(OPTIONS.get(i) + "=" + values.get(i).value());
        }
        return options;
    }

    @Override
    public String toString() {
        return String.join(" ", options());
    }
}
