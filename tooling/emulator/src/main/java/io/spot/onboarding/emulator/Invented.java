package io.spot.onboarding.emulator;

import java.time.Duration;

/**
 * Every wire detail the emulator had to make up because no public source shows what Spot really
 * does (unknown-assumed, [U], in docs/spot-api.md; its §8 lists the open questions). They live in
 * one class so that a capture of the real API corrects them in one edit, and so that other modules'
 * tests can name them instead of copying strings. Everything outside this class is either confirmed
 * [C] or inferred [I] in docs/spot-api.md.
 */
public final class Invented {

    private Invented() {}

    // [U] invented: the name of an organization's first (default) account is not public.
    public static final String DEFAULT_ACCOUNT_NAME = "Default";

    // [U] invented: 401/403 body shapes are unknown (docs/spot-api.md §2.4, open question 5).
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    public static final String UNAUTHORIZED_MESSAGE = "Invalid or missing API token";
    public static final String FORBIDDEN = "FORBIDDEN";
    public static final String FORBIDDEN_MESSAGE = "The API token does not have permission to perform this action";

    // [U] invented: what Spot answers for a path it does not serve.
    public static final String ROUTE_NOT_FOUND = "ROUTE_NOT_FOUND";
    public static final String ROUTE_NOT_FOUND_MESSAGE = "No route for %s %s";

    // [U] invented: Joi-style wording of ValidationError messages ("\"<field>\" <problem>"). Only
    // "is required" is confirmed (Wire.IS_REQUIRED); these follow Joi's own phrasing.
    public static final String MUST_BE_OBJECT = "must be of type object";
    public static final String MUST_BE_STRING = "must be a string";
    public static final String MUST_NOT_BE_EMPTY = "is not allowed to be empty";
    public static final String NAME_TOO_LONG = "length must be less than or equal to %d characters long";
    public static final String NOT_A_ROLE_ARN = "must be a valid IAM role ARN (arn:aws:iam::<12 digits>:role/<name>)";
    public static final String MUST_BE_NUMBER = "must be a number";
    public static final String AT_LEAST = "must be greater than or equal to %d";
    public static final String AT_MOST = "must be less than or equal to %d";
    public static final String NOT_A_PAGINATION_KEY = "is not a valid pagination key";

    // [U] invented: code and message for a body that is not JSON (wording borrowed from hapi/Joi,
    // which the confirmed "\"accountId\" is required" message suggests Spot uses).
    public static final String INVALID_JSON = "INVALID_JSON";
    public static final String INVALID_JSON_MESSAGE = "Invalid request payload JSON format";

    // [U] invented: the documented rule is only "at least one letter", enforced only under
    // SpotAnswers.Names.REFUSED (open question 6: the StackSet names accounts with 12 digits).
    // A length cap is still needed so a client's own validation can be tested.
    public static final int ACCOUNT_NAME_MAX_LENGTH = 100;
    // [U] invented: the wording of the documented "at least one letter" refusal, when Spot enforces it
    // (SpotAnswers.Names.REFUSED).
    public static final String NAME_NEEDS_LETTER = "must contain at least one letter";
    // [U] invented: the refusal of a /cbi/v1 call without the organization's Spotinst-Organization-ID,
    // when Spot enforces it (SpotAnswers.OrganizationHeader.REQUIRED).
    public static final String ORGANIZATION_HEADER_FIELD = "headers.spotinst-organization-id";
    public static final String ORGANIZATION_HEADER_NAME = "spotinst-organization-id";
    public static final String ORGANIZATION_HEADER_WRONG = "must be the organization of the token";

    // [U] invented: the organization may not be allowed more accounts (HELP prerequisite); the
    // code and message Spot returns are unknown.
    public static final String ACCOUNT_LIMIT_EXCEEDED = "ACCOUNT_LIMIT_EXCEEDED";
    public static final String ACCOUNT_LIMIT_EXCEEDED_MESSAGE =
            "The organization has reached its limit of %d accounts. Contact Spot support to create more";

    // [I] the code Account_DOESNT_EXIST is confirmed (TFPROV); this message is invented.
    public static final String ACCOUNT_DOESNT_EXIST_MESSAGE = "Account %s does not exist";

    // [U] invented: the default account cannot be deleted through the API (documented), the
    // refusal's code is not.
    public static final String CANT_DELETE_DEFAULT_ACCOUNT = "CANT_DELETE_DEFAULT_ACCOUNT";
    public static final String CANT_DELETE_DEFAULT_ACCOUNT_MESSAGE =
            "Account %s is the organization's default account and cannot be deleted. Contact Spot support";

    // [I] prefix seen in public scripts (CTLAMBDA, ANSIBLE); [U] invented: length and alphabet of
    // the random part.
    public static final String EXTERNAL_ID_PREFIX = "spotinst:aws:extid:";
    public static final int EXTERNAL_ID_RANDOM_LENGTH = 16;
    // [U] invented: maxValidUntil proves a TTL exists; its length is unknown. Set-credentials refuses
    // an expired ID only when it is not the newest and no link has used it (SpotAnswers.ExternalIds).
    public static final Duration EXTERNAL_ID_TTL = Duration.ofHours(1);

    // [U] invented: set-credentials before any external ID was generated for the account.
    public static final String EXTERNAL_ID_MISSING = "EXTERNAL_ID_MISSING";
    public static final String EXTERNAL_ID_MISSING_MESSAGE =
            "No external ID was generated for account %s. Generate one with "
                    + "POST /setup/credentials/aws/externalId and use it in the role's trust policy first";

    // [U] invented: set-credentials while the role cannot be assumed yet (IAM propagation). The
    // message names the role and the external ID because that is what an operator has to check.
    public static final String CANT_ASSUME_ROLE = "CANT_ASSUME_ROLE";
    public static final String CANT_ASSUME_ROLE_MESSAGE =
            "Failed to assume role %s with the provided external ID. Make sure the role exists, trusts "
                    + "arn:aws:iam::922761411349:root with the sts:ExternalId condition, and try again";

    // [U] invented: the value of cloudProvider once credentials are linked (open question 8).
    public static final String CLOUD_PROVIDER_AWS = "AWS";

    // [U] invented: the kind of GET /setup/credentials/aws and of its errors (endpoint not in OPENAPI).
    public static final String CREDENTIALS_KIND = "spotinst:setup:aws:credentials";

    // [U] invented: Cost Intelligence enrollment before credentials are linked. The precondition
    // is documented, the code is not.
    public static final String CI_CREDENTIALS_REQUIRED = "ACCOUNT_CREDENTIALS_NOT_SET";
    public static final String CI_CREDENTIALS_REQUIRED_MESSAGE =
            "Account %s has no cloud credentials. Set credentials (POST /setup/credentials/aws) "
                    + "before enabling Cost Intelligence";

    // [U] invented: the /cbi/v1 routes document 404 with the error envelope, not the code.
    // SPOTCTL knows this generic code, so it is the least surprising pick.
    public static final String CI_ACCOUNT_NOT_FOUND = "RESOURCE_DOES_NOT_EXIST";

    // [U] invented: the content of one CI status entry (the shape is confirmed).
    public static final String CI_STATUS_SUMMARY = "connected";
    public static final String CI_PRODUCT_OFFERING = "cbi";
    public static final String CI_STATUS_TYPE = "connection";
    public static final String CI_STATUS_CODE = "CONNECTED";
    public static final String CI_STATUS_MESSAGE = "Cost Intelligence is collecting data for this account";

    // [U] invented: ids, descriptions and texts of the default validation checks.
    public static final String CHECK_SPOT_ACCOUNT = "spotAccount";
    public static final String CHECK_SPOT_ACCOUNT_DESCRIPTION = "The Spot account exists";
    public static final String CHECK_CREDENTIALS = "credentials";
    public static final String CHECK_CREDENTIALS_DESCRIPTION = "Cloud credentials are linked to the Spot account";
    public static final String CHECK_CREDENTIALS_MISSING =
            "No IAM role is linked to the Spot account; set credentials first";
    public static final String CHECK_PERMISSIONS = "costIntelligencePolicy";
    public static final String CHECK_PERMISSIONS_DESCRIPTION = "The IAM role has the Cost Intelligence permissions";

    // [U] invented: default and maximum paginationSize of GET /cbi/v1/setup/account.
    public static final int CI_DEFAULT_PAGE_SIZE = 100;
    public static final int CI_MAX_PAGE_SIZE = 1000;

    // [U] invented: code used by serverErrorNext and by an emulator bug surfacing as 500.
    public static final String INTERNAL_ERROR = "INTERNAL_SERVER_ERROR";
    public static final String INJECTED_ERROR_MESSAGE = "%s (injected fault)";
    public static final String EMULATOR_FAILURE_MESSAGE = "Emulator failure: %s";

    // [U] invented: real per-route limits are not published. Routes without a configured limit
    // report this constant and are never throttled; Remaining stays equal to it so that a client
    // that paces itself on Remaining is never slowed down by an unconfigured route.
    public static final int UNLIMITED_RATE_LIMIT = 1000;
}
