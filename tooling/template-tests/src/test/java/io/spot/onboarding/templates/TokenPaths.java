package io.spot.onboarding.templates;

import static io.spot.onboarding.templates.CfnYaml.list;
import static io.spot.onboarding.templates.CfnYaml.map;
import static io.spot.onboarding.templates.TokenPolicies.MANAGEMENT;
import static io.spot.onboarding.templates.TokenPolicies.MEMBER;
import static io.spot.onboarding.templates.TokenPolicies.ORGANIZATION;
import static io.spot.onboarding.templates.TokenPolicies.REGION;
import static io.spot.onboarding.templates.TokenPolicies.VIA_SECRETS_MANAGER;
import static io.spot.onboarding.templates.TokenPolicies.handlers;
import static io.spot.onboarding.templates.TokenPolicies.role;
import static io.spot.onboarding.templates.TokenPolicies.stackValues;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spot.onboarding.templates.PolicyEvaluation.Decision;
import io.spot.onboarding.templates.PolicyEvaluation.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every way a principal could reach the Spot token, each step evaluated with the real policies: the
 * token secret's and its key's (central-token.yml or template.yml), the handlers' role (registry.yml),
 * the package bucket's (the deploy script's), the caller's own IAM policy, and, for the principals of a
 * member account it is attached to, the guardrail (deploy/token-guardrail-scp.json). A path is open
 * when its first steps are allowed: what follows is done as a role that then reads the token.
 */
final class TokenPaths {
    /** An account of the organization that the guardrail does not cover, with no stack of its own. */
    static final String UNGUARDED_MEMBER = "555566667777";

    static final String BUCKET = "spot-onboarding-packages";
    private static final String PACKAGE =
            "arn:aws:s3:::" + BUCKET + "/spot-onboarding/1.0.0/spot-onboarding-account.zip";
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Option {
        CENTRAL,
        IN_ACCOUNT
    }

    enum Who {
        MEMBER_ADMINISTRATOR(role(MEMBER, "Admin")),
        UNGUARDED_MEMBER_ADMINISTRATOR(role(UNGUARDED_MEMBER, "Admin")),
        EXECUTION_ROLE(role(MEMBER, "stacksets-exec-0123456789abcdef")),
        HANDLERS(handlers(MEMBER)),
        TOKEN_ADMINISTRATOR(role(MANAGEMENT, "aws-reserved/sso.amazonaws.com/Admin_abc")),
        MANAGEMENT_ADMINISTRATOR(role(MANAGEMENT, "OrganizationAdmin"));

        final String arn;

        Who(final String arn) {
            this.arn = arn;
        }

        String account() {
            return arn.split(":")[4];
        }
    }

    enum Path {
        /** GetSecretValue, and the key decrypts it. */
        READ,
        /** Delete the secret's policy (and rewrite the key's), then read. */
        LIFT_POLICIES,
        /** Trust oneself in the handlers' role, then read as it. */
        EDIT_HANDLERS_ROLE,
        /** Create a role of the handlers' name (after deleting it, or where there is none), then read as it. */
        CREATE_HANDLERS_ROLE,
        /** Register a version of a Spot::Onboarding type with the handlers' role: its code reads. */
        PASS_HANDLERS_ROLE,
        /** Trust oneself in, or create, a StackSet execution role, then do what it may. */
        EDIT_EXECUTION_ROLE,
        /** Point the type configuration's ApiUrl at one's own server: the handlers send it the token. */
        CONFIGURE_TYPE,
        /** Replace a handler package: the next registration runs that code as the handlers' role. */
        WRITE_PACKAGES,
        /** Deploy a StackSet of one's own: it runs as the execution roles. */
        RUN_A_STACKSET
    }

    private static final PolicyEvaluation ADMINISTRATOR = new PolicyEvaluation(
            Map.of("Statement", List.of(Map.of("Effect", "Allow", "Action", "*", "Resource", "*"))),
            Map.of(),
            Set.of());

    private final Option option;
    private final boolean guardrail;
    private final PolicyEvaluation guardrailPolicy;
    private final PolicyEvaluation bucketPolicy;

    TokenPaths(final Option option, final boolean guardrail, final String bucketPolicy) {
        this.option = option;
        this.guardrail = guardrail;
        this.guardrailPolicy = new PolicyEvaluation(json(guardrailJson()), Map.of(), Set.of());
        this.bucketPolicy = new PolicyEvaluation(json(bucketPolicy), Map.of(), Set.of());
    }

    static String guardrailJson() {
        try {
            return Files.readString(CfnYaml.ROOT.resolve("deploy/token-guardrail-scp.json"))
                    .replace("<package-bucket>", BUCKET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object json(final String text) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean reads(final Who who) {
        return !open(who).isEmpty();
    }

    Set<Path> open(final Who who) {
        final Set<Path> open = EnumSet.noneOf(Path.class);
        for (final Path path : Path.values()) {
            if (opens(path, principal(who), who)) {
                open.add(path);
            }
        }
        return open;
    }

    /** A caller: its ARN, its own IAM policy, and whether the guardrail covers its account. */
    private record Principal(String arn, PolicyEvaluation identity) {
        String account() {
            return arn.split(":")[4];
        }
    }

    private Principal principal(final Who who) {
        return new Principal(who.arn, who == Who.HANDLERS ? handlersPolicy(MEMBER) : ADMINISTRATOR);
    }

    private boolean opens(final Path path, final Principal caller, final Who who) {
        final String account = caller.account();
        return switch (path) {
            case READ -> readsDirectly(caller);
            case LIFT_POLICIES -> liftsPolicies(caller);
            case EDIT_HANDLERS_ROLE ->
                may(caller, "iam:UpdateAssumeRolePolicy", handlers(account)) && handlersOf(account);
            case CREATE_HANDLERS_ROLE -> may(caller, "iam:CreateRole", handlers(account)) && handlersOf(account);
            case PASS_HANDLERS_ROLE ->
                may(caller, "iam:PassRole", handlers(account))
                        && may(caller, "cloudformation:RegisterType", type(account))
                        && handlersOf(account);
            case EDIT_EXECUTION_ROLE ->
                MEMBER.equals(account)
                        && who != Who.EXECUTION_ROLE
                        && (may(caller, "iam:UpdateAssumeRolePolicy", Who.EXECUTION_ROLE.arn)
                                || may(caller, "iam:CreateRole", role(account, "stacksets-exec-mine")))
                        && reads(Who.EXECUTION_ROLE);
            case CONFIGURE_TYPE ->
                may(caller, "cloudformation:SetTypeConfiguration", type(account)) && handlersOf(account);
            case WRITE_PACKAGES ->
                allowed(caller, request(caller, "s3:PutObject", PACKAGE), MANAGEMENT, bucketPolicy)
                        && handlersOf(MEMBER);
            // Service-managed StackSets are created in the management account, which no guardrail covers.
            case RUN_A_STACKSET ->
                MANAGEMENT.equals(account)
                        && may(caller, "cloudformation:CreateStackSet", "*")
                        && reads(Who.EXECUTION_ROLE);
        };
    }

    /** Whether the handlers' role of that account (as registry.yml makes it) reads the token. */
    private boolean handlersOf(final String account) {
        return readsDirectly(new Principal(handlers(account), handlersPolicy(account)));
    }

    private boolean readsDirectly(final Principal caller) {
        final Token token = token(caller.account());
        return allowed(caller, request(caller, "secretsmanager:GetSecretValue", token.arn), token.account, token.policy)
                && usesKey(caller, token, "kms:Decrypt");
    }

    private boolean liftsPolicies(final Principal caller) {
        final Token token = token(caller.account());
        return allowed(
                        caller,
                        request(caller, "secretsmanager:DeleteResourcePolicy", token.arn),
                        token.account,
                        token.policy)
                && allowed(caller, request(caller, "secretsmanager:GetSecretValue", token.arn), token.account, null)
                && (usesKey(caller, token, "kms:Decrypt") || usesKey(caller, token, "kms:PutKeyPolicy"));
    }

    /** An action of the caller on a resource of its own account that no resource policy governs. */
    private boolean may(final Principal caller, final String action, final String resource) {
        return allowed(caller, request(caller, action, resource), caller.account(), null);
    }

    /** IAM's rule: no Deny anywhere; in the owner's account one Allow suffices, across accounts both must allow. */
    private boolean allowed(
            final Principal caller, final Request request, final String owner, final PolicyEvaluation resourcePolicy) {
        if (guardrailCovers(caller) && guardrailPolicy.decide(request) == Decision.DENIED) {
            return false;
        }
        final Decision identity = caller.identity().decide(request);
        final Decision resource = resourcePolicy == null ? Decision.NOT_ALLOWED : resourcePolicy.decide(request);
        if (identity == Decision.DENIED || resource == Decision.DENIED) {
            return false;
        }
        return owner.equals(caller.account())
                ? identity == Decision.ALLOWED || resource == Decision.ALLOWED
                : identity == Decision.ALLOWED && resource == Decision.ALLOWED;
    }

    /** A key needs its key policy's Allow, and the caller's own IAM policy's. */
    private boolean usesKey(final Principal caller, final Token token, final String action) {
        // Decrypt as Secrets Manager asks for it; a key policy is rewritten directly.
        final String via = action.equals("kms:Decrypt") ? VIA_SECRETS_MANAGER : null;
        Request request =
                new Request(caller.arn(), ORGANIZATION, action, via).with("kms:EncryptionContext:SecretARN", token.arn);
        for (final Map.Entry<String, String> tag : token.keyTags.entrySet()) {
            request = request.with("aws:ResourceTag/" + tag.getKey(), tag.getValue());
        }
        if (guardrailCovers(caller) && guardrailPolicy.decide(request) == Decision.DENIED) {
            return false;
        }
        return caller.identity().decide(request) == Decision.ALLOWED
                && token.keyPolicy.decide(request) == Decision.ALLOWED;
    }

    private boolean guardrailCovers(final Principal caller) {
        return guardrail && MEMBER.equals(caller.account());
    }

    private static Request request(final Principal caller, final String action, final String resource) {
        return new Request(caller.arn(), ORGANIZATION, action, null).on(resource);
    }

    private static String type(final String account) {
        return "arn:aws:cloudformation:" + REGION + ":" + account + ":type/resource/Spot-Onboarding-Account";
    }

    /** The copy of the token a caller of that account would go for, with its secret's and key's policies. */
    private record Token(
            String account,
            String arn,
            PolicyEvaluation policy,
            PolicyEvaluation keyPolicy,
            Map<String, String> keyTags) {}

    private Token token(final String callerAccount) {
        if (option == Option.CENTRAL) {
            final Map<String, Object> resources = resources("deploy/central-token.yml");
            final Map<String, String> values = stackValues(
                    MANAGEMENT,
                    Map.of("OrganizationId", ORGANIZATION, "TokenAdministratorArn", Who.TOKEN_ADMINISTRATOR.arn));
            return new Token(
                    MANAGEMENT,
                    centralSecret(),
                    TokenPolicies.policy(resources, "CentralTokenSecretPolicy", "ResourcePolicy", values, Set.of()),
                    TokenPolicies.policy(resources, "CentralTokenKey", "KeyPolicy", values, Set.of()),
                    tags(resources, "CentralTokenKey"));
        }
        // In each account: a member's copy, or the management account's own (a plain stack whose
        // TokenAdministratorArn is the deploy script's caller).
        final String account = MANAGEMENT.equals(callerAccount) ? MANAGEMENT : MEMBER;
        final String administrator = MANAGEMENT.equals(account) ? Who.TOKEN_ADMINISTRATOR.arn : "";
        final Map<String, Object> resources = resources("template.yml");
        final Map<String, String> values = stackValues(account, Map.of("TokenAdministratorArn", administrator));
        final Set<String> conditions =
                administrator.isEmpty() ? Set.of("LocalToken") : Set.of("LocalToken", "TokenAdministrator");
        return new Token(
                account,
                "arn:aws:secretsmanager:" + REGION + ":" + account + ":secret:cfn/spot/api-token-AbCdEf",
                TokenPolicies.policy(resources, "SpotApiTokenSecretPolicy", "ResourcePolicy", values, conditions),
                TokenPolicies.policy(resources, "SpotApiTokenKey", "KeyPolicy", values, conditions),
                tags(resources, "SpotApiTokenKey"));
    }

    static String centralSecret() {
        return "arn:aws:secretsmanager:" + REGION + ":" + MANAGEMENT + ":secret:cfn/spot/organization-api-token-AbCdEf";
    }

    /** The IAM policy registry.yml gives the handlers' role in that account. */
    private PolicyEvaluation handlersPolicy(final String account) {
        final boolean central = option == Option.CENTRAL;
        final Map<String, Object> role =
                map(map(resources("registry.yml").get("ExecutionRole")).get("Properties"));
        return new PolicyEvaluation(
                map(list(role.get("Policies")).get(0)).get("PolicyDocument"),
                stackValues(account, Map.of("CentralTokenSecretArn", central ? centralSecret() : "")),
                central ? Set.of("CentralToken") : Set.of());
    }

    private static Map<String, Object> resources(final String template) {
        return map(CfnYaml.load(template).get("Resources"));
    }

    private static Map<String, String> tags(final Map<String, Object> resources, final String key) {
        final Object tags = map(map(resources.get(key)).get("Properties")).get("Tags");
        if (tags == null) {
            return Map.of();
        }
        return list(tags).stream()
                .map(CfnYaml::map)
                .collect(Collectors.toMap(
                        t -> t.get("Key").toString(), t -> t.get("Value").toString()));
    }
}
