package io.spot.onboarding.emulator;

/** Wire constants that public sources confirm (see docs/spot-api.md for each citation). */
public final class Wire {

    private Wire() {}

    public static final String ACCOUNT_KIND = "spotinst:setup:account";
    public static final String EXTERNAL_ID_KIND = "spotinst:setup:aws:externalId";
    public static final String CI_ACCOUNT_KIND = "spotinst:cbi:inventory:ciRegisteredAccount";
    public static final String CI_VALIDATION_KIND = "spotinst:cbi:accountRegistrationValidation";

    public static final String ACCOUNT_DOESNT_EXIST = "Account_DOESNT_EXIST";
    public static final String VALIDATION_ERROR = "ValidationError";
    /** As in "\"accountId\" is required" (spotinst-sdk-python PR #62). */
    public static final String IS_REQUIRED = "is required";

    public static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";
    public static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
    public static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";
    public static final String RATE_LIMITED_DATA = "Rate limit exceeded";

    public static final String CI_PROVIDER_AWS = "aws";

    /** Listed as required on POST /cbi/v1/setup/account by Spot's Cost Intelligence tutorial (HELP). */
    public static final String ORGANIZATION_HEADER = "Spotinst-Organization-ID";
}
