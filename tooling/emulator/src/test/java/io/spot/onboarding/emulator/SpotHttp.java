package io.spot.onboarding.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A bare HTTP client for the tests: real calls, no retries, the token of the caller's choice. */
final class SpotHttp {

    static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient SHARED = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .callTimeout(Duration.ofSeconds(10))
            .build();

    private final OkHttpClient client;
    private final String baseUrl;
    private final String token;
    private final String organizationId;

    /** Its own connection pool: a later emulator on a reused port must not get a dead connection. */
    SpotHttp(String baseUrl, String token) {
        this(SHARED.newBuilder().connectionPool(new ConnectionPool()).build(), baseUrl, token, null);
    }

    private SpotHttp(OkHttpClient client, String baseUrl, String token, String organizationId) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.token = token;
        this.organizationId = organizationId;
    }

    SpotHttp withToken(String otherToken) {
        return new SpotHttp(client, baseUrl, otherToken, organizationId);
    }

    /** Every request also sends Spotinst-Organization-ID. */
    SpotHttp withOrganization(String id) {
        return new SpotHttp(client, baseUrl, token, id);
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Reply post(String pathAndQuery, String json) {
        return send("POST", pathAndQuery, json);
    }

    Reply put(String pathAndQuery, String json) {
        return send("PUT", pathAndQuery, json);
    }

    Reply delete(String pathAndQuery) {
        return send("DELETE", pathAndQuery, null);
    }

    Reply send(String method, String pathAndQuery, String json) {
        try {
            return sendOrThrow(method, pathAndQuery, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For tests that expect the connection to fail. */
    Reply sendOrThrow(String method, String pathAndQuery, String json) throws IOException {
        RequestBody body = json == null
                ? (method.equals("POST") || method.equals("PUT") ? RequestBody.create("", JSON) : null)
                : RequestBody.create(json, JSON);
        Request.Builder request = new Request.Builder()
                .url(baseUrl + pathAndQuery)
                .method(method, body)
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (organizationId != null) {
            request.header(Wire.ORGANIZATION_HEADER, organizationId);
        }
        try (Response response = client.newCall(request.build()).execute()) {
            return new Reply(
                    response.code(),
                    response.headers(),
                    MAPPER.readTree(response.body().string()));
        }
    }
}
