package io.spot.onboarding.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * E1 and E11 answer from pre-rendered items and indexes: each answer must be, byte for byte, the one
 * {@link UncachedAnswers} renders from the state as it is, however the state got there.
 */
class RenderedListsTest extends EmulatorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OTHER_AWS_ACCOUNT = "210987654321";
    private static final String OTHER_ROLE_ARN = "arn:aws:iam::" + OTHER_AWS_ACCOUNT + ":role/SpotRole";

    private final HttpClient raw = HttpClient.newHttpClient();

    @Test
    void accountListFollowsEveryChangeByteForByte() {
        String first = createAccount("first");
        String second = createAccount("second");
        JsonNode before = assertListUncached(null);

        http.put("/setup/account/" + first, "{\"account\":{\"name\":\"renamed through the API\"}}");
        JsonNode renamed = assertListUncached(null);
        assertThat(renamed).isNotEqualTo(before);
        assertThat(renamed.path("items").path(1).path("name").asText()).isEqualTo("renamed through the API");
        state().rename(second, "renamed out of band");
        assertListUncached(null);

        mintExternalId(first);
        setCredentials(first, ROLE_ARN);
        assertListUncached(null);
        assertListUncached("123456789012");
        state().link(second, OTHER_ROLE_ARN);
        assertListUncached(null);
        assertListUncached(OTHER_AWS_ACCOUNT);

        createAccount("third \"quoted\" ünïcode \u0001");
        assertListUncached(null);
        http.delete("/setup/account/" + first);
        assertListUncached(null);
        assertListUncached("123456789012");
        state().delete(second);
        assertListUncached(null);
        assertListUncached(OTHER_AWS_ACCOUNT);
    }

    @Test
    void getAccountAnswersWithTheChangedItem() {
        String accountId = createAccount("before");
        http.get("/setup/account/" + accountId);

        state().rename(accountId, "after");

        assertThat(http.get("/setup/account/" + accountId).item().path("name").asText())
                .isEqualTo("after");
        assertThat(http.get("/setup/account").items().path(1).path("name").asText())
                .isEqualTo("after");
    }

    @Test
    void relinkingMovesAnAccountBetweenCloudAccountFilters() {
        String older = createAccount("older");
        String newer = createLinkedAccount("newer", ROLE_ARN);
        assertThat(accountIds(http.get("/setup/account?cloudAccountId=123456789012")))
                .containsExactly(newer);

        // Linked last, listed first: the filter keeps the organization's order, not the order of linking.
        state().link(older, ROLE_ARN);
        assertThat(accountIds(http.get("/setup/account?cloudAccountId=123456789012")))
                .containsExactly(older, newer);
        state().link(newer, OTHER_ROLE_ARN);

        assertThat(accountIds(http.get("/setup/account?cloudAccountId=123456789012")))
                .containsExactly(older);
        assertThat(accountIds(http.get("/setup/account?cloudAccountId=" + OTHER_AWS_ACCOUNT)))
                .containsExactly(newer);
        assertListUncached("123456789012");
        assertListUncached(OTHER_AWS_ACCOUNT);
    }

    @Test
    void costIntelligencePagesFollowEveryChangeByteForByte() {
        List<String> enrolled = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String accountId = createLinkedAccount("ci-" + i, ROLE_ARN);
            http.post("/cbi/v1/setup/account", accountBody(accountId));
            enrolled.add(accountId);
            if (i % 3 == 2) {
                clock.advance(Duration.ofSeconds(1)); // some enrollments share an instant, ordered by accountId
            }
        }
        createLinkedAccount("linked, not enrolled", ROLE_ARN);
        List<JsonNode> before = assertAllPagesUncached(3);

        state().link(enrolled.get(1), OTHER_ROLE_ARN);
        List<JsonNode> relinked = assertAllPagesUncached(3);
        assertThat(relinked).isNotEqualTo(before);
        assertThat(relinked.toString()).contains(OTHER_AWS_ACCOUNT);

        http.delete("/setup/account/" + enrolled.get(4));
        assertAllPagesUncached(3);
        state().delete(enrolled.get(0));
        assertAllPagesUncached(2);

        state().enrollCostIntelligence(state().defaultAccountId());
        clock.advance(Duration.ofMinutes(1));
        String late = createLinkedAccount("late", ROLE_ARN);
        http.post("/cbi/v1/setup/account", accountBody(late));
        assertAllPagesUncached(2);
        assertAllPagesUncached(100);
    }

    @Test
    void concurrentChangesEndInTheUncachedAnswer() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                work.add(threads.submit(() -> {
                    String accountId = createLinkedAccount("parallel-" + n, n % 2 == 0 ? ROLE_ARN : OTHER_ROLE_ARN);
                    http.get("/setup/account");
                    http.post("/cbi/v1/setup/account", accountBody(accountId));
                    http.put("/setup/account/" + accountId, "{\"account\":{\"name\":\"renamed-" + n + "\"}}");
                    http.get("/cbi/v1/setup/account");
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertListUncached(null);
        assertListUncached("123456789012");
        assertListUncached(OTHER_AWS_ACCOUNT);
        assertAllPagesUncached(7);
    }

    /** Asserts E1's raw body is the uncached rendering; returns its response part. */
    private JsonNode assertListUncached(String cloudAccountId) {
        byte[] body = rawGet("/setup/account" + (cloudAccountId == null ? "" : "?cloudAccountId=" + cloudAccountId));
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo(uncached(body, UncachedAnswers.accountList(state().accounts(), cloudAccountId)));
        return parse(body).path("response");
    }

    /** Follows nextKey through E11, asserting each raw page is the uncached rendering; returns their response parts. */
    private List<JsonNode> assertAllPagesUncached(int size) {
        List<JsonNode> pages = new ArrayList<>();
        String key = null;
        do {
            String query = "?paginationSize=" + size + (key == null ? "" : "&paginationKey=" + key);
            byte[] body = rawGet("/cbi/v1/setup/account" + query);
            assertThat(new String(body, StandardCharsets.UTF_8))
                    .isEqualTo(uncached(body, UncachedAnswers.costIntelligencePage(state().accounts(), key, size)));
            JsonNode response = parse(body).path("response");
            pages.add(response);
            key = response.path("paginationInfo").path("nextKey").asText(null);
        } while (key != null);
        return pages;
    }

    /** The whole envelope the old code would have sent, with the request part this answer echoed. */
    private static String uncached(byte[] body, ApiResponse response) {
        JsonNode request = parse(body).path("request");
        byte[] expected = Envelope.render(
                request.path("id").asText(),
                request.path("url").asText(),
                request.path("method").asText(),
                Instant.parse(request.path("timestamp").asText()),
                response);
        return new String(expected, StandardCharsets.UTF_8);
    }

    private byte[] rawGet(String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .build();
        try {
            HttpResponse<byte[]> response = raw.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> accountIds(Reply reply) {
        List<String> ids = new ArrayList<>();
        reply.items().forEach(item -> ids.add(item.path("accountId").asText()));
        return ids;
    }
}
