package io.spot.onboarding.emulator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The endpoints the emulator serves (E1-E12 of docs/spot-api.md), keyed by method and path template. */
enum Route {
    LIST_ACCOUNTS("GET", Route.ACCOUNTS, Wire.ACCOUNT_KIND),
    CREATE_ACCOUNT("POST", Route.ACCOUNTS, Wire.ACCOUNT_KIND),
    GET_ACCOUNT("GET", Route.ACCOUNT, Wire.ACCOUNT_KIND),
    UPDATE_ACCOUNT("PUT", Route.ACCOUNT, Wire.ACCOUNT_KIND),
    DELETE_ACCOUNT("DELETE", Route.ACCOUNT, Wire.ACCOUNT_KIND),
    CREATE_EXTERNAL_ID("POST", Route.EXTERNAL_ID, Wire.EXTERNAL_ID_KIND),
    SET_CREDENTIALS("POST", Route.CREDENTIALS, Invented.CREDENTIALS_KIND),
    GET_CREDENTIALS("GET", Route.CREDENTIALS, Invented.CREDENTIALS_KIND),
    ENROLL_COST_INTELLIGENCE("POST", Route.CI_ACCOUNTS, Wire.CI_ACCOUNT_KIND),
    LIST_COST_INTELLIGENCE("GET", Route.CI_ACCOUNTS, Wire.CI_ACCOUNT_KIND),
    VALIDATE_COST_INTELLIGENCE("POST", Route.CI_VALIDATION, Wire.CI_VALIDATION_KIND);

    static final String ACCOUNTS = "/setup/account";
    static final String ACCOUNT = "/setup/account/{id}";
    static final String EXTERNAL_ID = "/setup/credentials/aws/externalId";
    static final String CREDENTIALS = "/setup/credentials/aws";
    static final String CI_ACCOUNTS = "/cbi/v1/setup/account";
    static final String CI_VALIDATION = "/cbi/v1/setup/account/validation";

    static final List<PathTemplate> TEMPLATES = Arrays.stream(values())
            .map(Route::template)
            .distinct()
            .map(PathTemplate::new)
            .toList();

    private final String method;
    private final String template;
    private final String kind;

    Route(String method, String template, String kind) {
        this.method = method;
        this.template = template;
        this.kind = kind;
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    /** The kind of the route's items, also stamped on its error envelopes. */
    String kind() {
        return kind;
    }

    static boolean isTemplate(String template) {
        return TEMPLATES.stream().anyMatch(t -> t.template().equals(template));
    }

    /**
     * Resolves a request path. A path that matches a template but not its method still reports the
     * template, so faults and request counts can target it; its route is then empty.
     */
    static Optional<Resolved> resolve(String method, String path) {
        for (PathTemplate template : TEMPLATES) {
            Optional<Map<String, String>> variables = template.match(path);
            if (variables.isPresent()) {
                Route route = Arrays.stream(values())
                        .filter(r -> r.template.equals(template.template()) && r.method.equalsIgnoreCase(method))
                        .findFirst()
                        .orElse(null);
                return Optional.of(new Resolved(template.template(), route, variables.get()));
            }
        }
        return Optional.empty();
    }

    record Resolved(String template, Route route, Map<String, String> pathVariables) {}
}
