package io.spot.onboarding.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * {@link SpotApi} over OkHttp. Every instance shares one connection pool and dispatcher per JVM
 * (a warm Lambda reuses its connections to Spot); the token lives only inside the
 * {@link BearerTokenInterceptor} and is never part of a message, a {@code toString} or a log line.
 */
public final class SpotApiClient implements SpotApi {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String USER_AGENT = "spot-onboarding-cloudformation/1.0";
    static final String ACCOUNT_DOESNT_EXIST = "Account_DOESNT_EXIST";
    /** Required on {@code /cbi/v1} by Spot's Cost Intelligence tutorial (docs/spot-api.md §2.1). */
    static final String ORGANIZATION_HEADER = "Spotinst-Organization-ID";

    /**
     * {@code retryOnConnectionFailure(false)}: OkHttp would otherwise silently repeat a POST whose
     * connection dropped, and a repeated create is a second Spot account.
     */
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .followRedirects(false)
            .build();

    private final OkHttpClient http;
    private final SpotEndpoint endpoint;
    private final RateLimitObserver windows;
    /** Whose organization this client works in: the Spot URL and the token's fingerprint. */
    private final String caller;

    private SpotApiClient(
            final OkHttpClient http,
            final SpotEndpoint endpoint,
            final RateLimitObserver windows,
            final String caller) {
        this.http = http;
        this.endpoint = endpoint;
        this.windows = windows;
        this.caller = caller;
    }

    public static SpotApiClient create(
            final SpotEndpoint endpoint, final String token, final SpotClientTimeouts timeouts) {
        final RateLimitObserver windows = new RateLimitObserver();
        final BearerTokenInterceptor bearer = new BearerTokenInterceptor(token, USER_AGENT);
        final OkHttpClient http = SHARED.newBuilder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.read())
                .callTimeout(timeouts.call())
                .addInterceptor(bearer)
                .addInterceptor(windows)
                .build();
        return new SpotApiClient(http, endpoint, windows, endpoint.url() + " " + bearer.fingerprint());
    }

    @Override
    public Optional<RouteWindow> lastWindow(final String method, final String path) {
        return windows.last(method, path);
    }

    @Override
    public AccountListing listAccounts() {
        final JsonNode envelope = get(endpoint.path("setup", "account").build());
        return new AccountListing(items(envelope, this::account), Json.instant(envelope.path("request"), "timestamp"));
    }

    @Override
    public List<SpotAccount> findAccountsByCloudAccount(final String awsAccountId) {
        final HttpUrl url = endpoint.path("setup", "account")
                .addQueryParameter("cloudAccountId", awsAccountId)
                .build();
        return items(get(url), this::account);
    }

    @Override
    public SpotAccount getAccount(final String accountId) {
        final HttpUrl url = endpoint.path("setup", "account", accountId).build();
        final JsonNode envelope = get(url);
        final List<SpotAccount> accounts = items(envelope, this::account);
        if (accounts.isEmpty()) {
            throw new SpotNotFoundException(
                    "GET " + url.encodedPath(),
                    200,
                    requestId(envelope),
                    List.of(new SpotError("Account_DOESNT_EXIST", "no item returned for " + accountId, null)),
                    null);
        }
        final SpotAccount account = accounts.get(0);
        if (!accountId.equals(account.accountId())) {
            // Whatever rewrote the path or answered for Spot, this is not the account asked for.
            throw new SpotForeignAnswerException(
                    "GET " + url.encodedPath(),
                    200,
                    requestId(envelope),
                    "the answer describes account " + account.accountId() + ", not " + accountId);
        }
        return account;
    }

    @Override
    public SpotAccount createAccount(final String name) {
        final ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("account").put("name", name);
        final JsonNode envelope = send("POST", endpoint.path("setup", "account").build(), body);
        return first(envelope, this::account, "POST /setup/account");
    }

    @Override
    public void renameAccount(final String accountId, final String name) {
        final ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("account").put("name", name);
        send("PUT", endpoint.path("setup", "account", accountId).build(), body);
    }

    /**
     * Only Spot's own {@code Account_DOESNT_EXIST} is taken at its word. Any other refusal that reads
     * as "not found" (a generic code, a 404) is confirmed by reading the account: an account still
     * there was not deleted, whatever the refusal said.
     */
    @Override
    public void deleteAccount(final String accountId) {
        try {
            send("DELETE", endpoint.path("setup", "account", accountId).build(), null);
        } catch (SpotNotFoundException refused) {
            if (refused.hasErrorCode(ACCOUNT_DOESNT_EXIST)) {
                throw refused;
            }
            getAccount(accountId);
            throw new SpotValidationException(
                    refused.operation(),
                    refused.httpStatus(),
                    refused.requestId(),
                    List.of(),
                    "Spot refused the delete, yet account " + accountId + " still exists: " + refused.getMessage());
        }
    }

    @Override
    public ExternalId createExternalId(final String accountId) {
        final HttpUrl url = endpoint.path("setup", "credentials", "aws", "externalId")
                .addQueryParameter("accountId", accountId)
                .build();
        return first(send("POST", url, null), ExternalId::fromJson, "POST /setup/credentials/aws/externalId");
    }

    @Override
    public void linkRole(final String accountId, final String roleArn) {
        final ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("credentials").put("iamRole", roleArn);
        send("POST", credentialsUrl(accountId), body);
    }

    @Override
    public Optional<RoleLink> linkedRole(final String accountId) {
        return items(get(credentialsUrl(accountId)), RoleLink::fromJson).stream()
                .filter(c -> c.iamRole() != null && !c.iamRole().isBlank())
                .findFirst();
    }

    @Override
    public List<ValidationCheck> validateCostIntelligence(final String accountId) {
        final HttpUrl url =
                endpoint.path("cbi", "v1", "setup", "account", "validation").build();
        return items(
                send("POST", url, costIntelligenceBody(accountId), organizationOf(accountId)),
                ValidationCheck::fromJson);
    }

    @Override
    public CostIntelligenceAccount enrollCostIntelligence(final String accountId) {
        final HttpUrl url = endpoint.path("cbi", "v1", "setup", "account").build();
        return first(
                send("POST", url, costIntelligenceBody(accountId), organizationOf(accountId)),
                CostIntelligenceAccount::fromJson,
                "POST /cbi/v1/setup/account");
    }

    @Override
    public Page<CostIntelligenceAccount> listCostIntelligenceAccounts(
            final String paginationKey, final Integer pageSize) {
        final HttpUrl.Builder url = endpoint.path("cbi", "v1", "setup", "account");
        if (pageSize != null) {
            url.addQueryParameter("paginationSize", pageSize.toString());
        }
        if (paginationKey != null) {
            url.addQueryParameter("paginationKey", paginationKey);
        }
        final JsonNode envelope = send("GET", url.build(), null, organizationOf(null));
        final JsonNode pagination = envelope.path("response").path("paginationInfo");
        return new Page<>(
                items(envelope, CostIntelligenceAccount::fromJson),
                Json.text(pagination, "nextKey"),
                pagination.hasNonNull("totalCount")
                        ? pagination.get("totalCount").asInt()
                        : null);
    }

    private HttpUrl credentialsUrl(final String accountId) {
        return endpoint.path("setup", "credentials", "aws")
                .addQueryParameter("accountId", accountId)
                .build();
    }

    /**
     * The organization for the {@code Spotinst-Organization-ID} header of the {@code /cbi/v1} routes. Until
     * an account answer has named it, it is read from the account the call concerns (E3), or from the
     * organization's list (E1) when the call names none; null only if Spot's answers carry none.
     */
    private String organizationOf(final String accountId) {
        final String known = OrganizationIds.known(caller);
        if (known != null) {
            return known;
        }
        if (accountId != null) {
            getAccount(accountId);
        } else {
            listAccounts();
        }
        return OrganizationIds.known(caller);
    }

    private SpotAccount account(final JsonNode item) {
        final SpotAccount account = SpotAccount.fromJson(item);
        OrganizationIds.seen(caller, account);
        return account;
    }

    private static ObjectNode costIntelligenceBody(final String accountId) {
        final ObjectNode body = Json.MAPPER.createObjectNode();
        body.putObject("account").put("accountId", accountId);
        return body;
    }

    private JsonNode get(final HttpUrl url) {
        return send("GET", url, null);
    }

    private JsonNode send(final String method, final HttpUrl url, final JsonNode body) {
        return send(method, url, body, null);
    }

    /**
     * Spot wants {@code Content-Type: application/json} on every call, body or not; a POST without a body
     * sends none (docs/spot-api.md §2.1). {@code organizationId}, when given, goes in
     * {@code Spotinst-Organization-ID}.
     */
    private JsonNode send(final String method, final HttpUrl url, final JsonNode body, final String organizationId) {
        final String operation =
                method + " " + url.encodedPath() + (url.encodedQuery() == null ? "" : "?" + url.encodedQuery());
        final RequestBody requestBody = body == null
                ? ("GET".equals(method) || "DELETE".equals(method) ? null : RequestBody.create("", JSON))
                : RequestBody.create(body.toString(), JSON);
        final Request.Builder builder = new Request.Builder()
                .url(url)
                .method(method, requestBody)
                .header("Content-Type", JSON.toString())
                .header("Accept", JSON.toString());
        if (organizationId != null) {
            builder.header(ORGANIZATION_HEADER, organizationId);
        }
        final Request request = builder.build();
        try (Response response = http.newCall(request).execute()) {
            final ResponseBody responseBody = response.body();
            final String text = responseBody == null ? "" : responseBody.string();
            final JsonNode envelope = parse(text);
            if ((response.code() == 200 || response.code() == 404) && !isSpotEnvelope(envelope)) {
                // A success or a "not found" counts only in Spot's words: a 404 page from a proxy or a
                // wrong ApiUrl must never let a Delete "succeed" on an account that is still there.
                throw new SpotForeignAnswerException(
                        operation,
                        response.code(),
                        null,
                        "HTTP " + response.code()
                                + " without Spot's response envelope from " + url.host()
                                + ": not an answer from Spot's API. "
                                + "Check SpotCredentials.ApiUrl and any proxy in between");
            }
            if (response.code() == 429 && !isSpotEnvelope(envelope) && response.header("X-RateLimit-Limit") == null) {
                // Spot's 429 has its envelope and its X-RateLimit-* headers: one with neither is something in
                // between refusing, and waiting it out as Spot's rate limit would wait for nothing.
                throw new SpotForeignAnswerException(
                        operation,
                        429,
                        null,
                        "HTTP 429 without Spot's response envelope or X-RateLimit-* headers from "
                                + url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath()
                                + ": not Spot's rate limit but a proxy, a firewall or a wrong SpotCredentials.ApiUrl "
                                + "refusing the call. Check SpotCredentials.ApiUrl and any proxy in between");
            }
            final int statusInBody =
                    envelope.path("response").path("status").path("code").asInt(response.code());
            if (response.code() == 200 && statusInBody == 200) {
                return envelope;
            }
            throw SpotErrors.classify(
                    operation,
                    response.code() != 200 ? response.code() : statusInBody,
                    envelope,
                    response.header("X-RateLimit-Reset"));
        } catch (IOException e) {
            throw new SpotNetworkException(operation, e);
        }
    }

    /** Spot answers every call, success or failure, with {@code {"request": ..., "response": {...}}}. */
    private static boolean isSpotEnvelope(final JsonNode envelope) {
        return envelope.path("response").isObject();
    }

    private static JsonNode parse(final String text) {
        if (text.isBlank()) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            // A proxy's HTML error page, say: the HTTP status still tells what happened.
            return Json.MAPPER.createObjectNode();
        }
    }

    static String requestId(final JsonNode envelope) {
        return Json.text(envelope.path("request"), "id");
    }

    private static <T> List<T> items(final JsonNode envelope, final Function<JsonNode, T> reader) {
        final List<T> result = new ArrayList<>();
        for (final JsonNode item : envelope.path("response").path("items")) {
            result.add(reader.apply(item));
        }
        return result;
    }

    private static <T> T first(final JsonNode envelope, final Function<JsonNode, T> reader, final String operation) {
        final List<T> all = items(envelope, reader);
        if (all.isEmpty()) {
            throw new SpotServerException(
                    operation,
                    200,
                    requestId(envelope),
                    null,
                    "Spot answered 200 with no item; the call may or may not have taken effect");
        }
        return all.get(0);
    }
}
